-- column_drop_indexed (SQLite, up)
-- Hazards:
--   DS: drops column projects.archived and its values

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_projects_archived;

-- DS: drops column projects.archived and its values
ALTER TABLE projects DROP COLUMN archived;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
