-- raw_sql_add (PostgreSQL, down)
-- Hazards: none.

BEGIN;

-- sql: project_count (down)
DROP FUNCTION project_count();

COMMIT;
