-- unique_add (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE projects DROP CONSTRAINT uq_projects_name;

COMMIT;
