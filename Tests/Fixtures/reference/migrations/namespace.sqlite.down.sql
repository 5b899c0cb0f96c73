-- namespace (SQLite, down)
-- Hazards:
--   DS: drops table tasks and all its rows

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops table tasks and all its rows
DROP TABLE tasks;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
