-- index_rename (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER INDEX idx_projects_by_name RENAME TO idx_name;

COMMIT;
