-- index_add (PostgreSQL, down)
-- Hazards: none.

BEGIN;

DROP INDEX idx_projects_name;

DROP INDEX uq_projects_lower_name;

COMMIT;
