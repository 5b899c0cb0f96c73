-- column_drop_indexed (PostgreSQL, up)
-- Hazards:
--   DS: drops column projects.archived and its values

BEGIN;

DROP INDEX idx_projects_archived;

-- DS: drops column projects.archived and its values
ALTER TABLE projects DROP COLUMN archived;

COMMIT;
