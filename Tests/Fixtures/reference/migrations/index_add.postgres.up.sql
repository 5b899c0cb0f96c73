-- index_add (PostgreSQL, up)
-- Hazards:
--   PG: builds index idx_projects_name while holding a lock that blocks writes to projects
--   MF: adds unique index uq_projects_lower_name on projects: fails if existing rows repeat
--   PG: builds index uq_projects_lower_name while holding a lock that blocks writes to projects

BEGIN;

-- PG: builds index idx_projects_name while holding a lock that blocks writes to projects
CREATE INDEX idx_projects_name ON projects (name);

-- MF: adds unique index uq_projects_lower_name on projects: fails if existing rows repeat
-- PG: builds index uq_projects_lower_name while holding a lock that blocks writes to projects
CREATE UNIQUE INDEX uq_projects_lower_name ON projects ((lower(name)));

COMMIT;
