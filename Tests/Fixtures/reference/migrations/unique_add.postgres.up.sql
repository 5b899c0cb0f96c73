-- unique_add (PostgreSQL, up)
-- Hazards:
--   MF: adds unique constraint uq_projects_name on projects: fails if existing rows repeat (name)

BEGIN;

-- MF: adds unique constraint uq_projects_name on projects: fails if existing rows repeat (name)
ALTER TABLE projects ADD CONSTRAINT uq_projects_name UNIQUE (name);

COMMIT;
