-- index_rename (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER INDEX idx_name RENAME TO idx_projects_by_name;

COMMIT;
