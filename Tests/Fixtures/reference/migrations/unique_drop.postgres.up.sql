-- unique_drop (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER TABLE projects DROP CONSTRAINT uq_projects_name;

COMMIT;
