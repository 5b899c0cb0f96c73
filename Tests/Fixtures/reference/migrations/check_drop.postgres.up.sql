-- check_drop (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER TABLE projects DROP CONSTRAINT chk_projects_name;

COMMIT;
