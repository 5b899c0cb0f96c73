-- raw_sql_add (PostgreSQL, up)
-- Hazards: none.

BEGIN;

-- sql: project_count
CREATE FUNCTION project_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM projects $$;

COMMIT;
