-- check_drop (PostgreSQL, down)
-- Hazards:
--   MF: adds check chk_projects_name on projects: fails if existing rows violate it

BEGIN;

-- MF: adds check chk_projects_name on projects: fails if existing rows violate it
ALTER TABLE projects ADD CONSTRAINT chk_projects_name CHECK (length(name) > 0);

COMMIT;
