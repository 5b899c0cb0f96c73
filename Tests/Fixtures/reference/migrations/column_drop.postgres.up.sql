-- column_drop (PostgreSQL, up)
-- Hazards:
--   DS: drops column projects.description and its values
--   DS: drops column projects.archived and its values

BEGIN;

-- DS: drops column projects.description and its values
ALTER TABLE projects DROP COLUMN description;

-- DS: drops column projects.archived and its values
ALTER TABLE projects DROP COLUMN archived;

COMMIT;
