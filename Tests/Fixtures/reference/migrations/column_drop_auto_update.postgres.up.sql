-- column_drop_auto_update (PostgreSQL, up)
-- Hazards:
--   DS: drops column projects.updated_at and its values

BEGIN;

DROP TRIGGER trg_projects_updated_at ON projects;
DROP FUNCTION projects_touch_updated_at();

-- DS: drops column projects.updated_at and its values
ALTER TABLE projects DROP COLUMN updated_at;

COMMIT;
