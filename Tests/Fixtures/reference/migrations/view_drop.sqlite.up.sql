-- view_drop (SQLite, up)
-- Hazards:
--   BC: drops view short_names

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: drops view short_names
DROP VIEW short_names;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
