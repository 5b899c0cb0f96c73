-- column_add_middle (SQLite, down)
-- Hazards:
--   DS: drops column projects.notes and its values

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops column projects.notes and its values
ALTER TABLE projects DROP COLUMN notes;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
