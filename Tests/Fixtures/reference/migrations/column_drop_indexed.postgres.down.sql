-- column_drop_indexed (PostgreSQL, down)
-- Hazards:
--   PG: builds index idx_projects_archived while holding a lock that blocks writes to projects

BEGIN;

ALTER TABLE projects ADD COLUMN archived BOOLEAN NOT NULL DEFAULT false;

-- PG: builds index idx_projects_archived while holding a lock that blocks writes to projects
CREATE INDEX idx_projects_archived ON projects (archived);

COMMIT;
