-- column_auto_update_on (PostgreSQL, down)
-- Hazards: none.

BEGIN;

DROP TRIGGER trg_projects_updated_at ON projects;
DROP FUNCTION projects_touch_updated_at();

COMMIT;
