-- enum_drop (SQLite, up)
-- Hazards:
--   DS: drops column tasks.status and its values

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops column tasks.status and its values
ALTER TABLE tasks DROP COLUMN status;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
