-- index_change (PostgreSQL, up)
-- Hazards:
--   PG: builds index idx_projects_name while holding a lock that blocks writes to projects

BEGIN;

DROP INDEX idx_projects_name;

-- PG: builds index idx_projects_name while holding a lock that blocks writes to projects
CREATE INDEX idx_projects_name ON projects (name DESC) WHERE name <> '';

COMMIT;
