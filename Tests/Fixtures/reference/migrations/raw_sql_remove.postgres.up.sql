-- raw_sql_remove (PostgreSQL, up)
-- Hazards: none.

BEGIN;

-- sql: project_count (down)
DROP FUNCTION project_count();

-- sql: seed_project has no 'down': nothing to undo.

COMMIT;
