-- column_add (SQLite, down)
-- Hazards:
--   DS: drops column projects.description and its values
--   DS: drops column projects.archived and its values
--   DS: drops column projects.owner and its values

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops column projects.description and its values
ALTER TABLE projects DROP COLUMN description;

-- DS: drops column projects.archived and its values
ALTER TABLE projects DROP COLUMN archived;

-- DS: drops column projects.owner and its values
ALTER TABLE projects DROP COLUMN owner;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
