-- targets_table_and_index (SQLite, up)
-- Hazards:
--   DS: drops table metrics and all its rows

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops table metrics and all its rows
DROP TABLE metrics;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
