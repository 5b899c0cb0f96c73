-- index_drop (PostgreSQL, down)
-- Hazards:
--   PG: builds index idx_projects_name while holding a lock that blocks writes to projects

BEGIN;

-- PG: builds index idx_projects_name while holding a lock that blocks writes to projects
CREATE INDEX idx_projects_name ON projects (name);

COMMIT;
