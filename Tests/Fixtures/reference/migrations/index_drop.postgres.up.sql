-- index_drop (PostgreSQL, up)
-- Hazards: none.

BEGIN;

DROP INDEX idx_projects_name;

COMMIT;
