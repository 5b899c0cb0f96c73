-- check_add (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE projects DROP CONSTRAINT chk_projects_name;

COMMIT;
