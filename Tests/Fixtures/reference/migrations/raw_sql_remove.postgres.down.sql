-- raw_sql_remove (PostgreSQL, down)
-- Hazards: none.

BEGIN;

-- sql: project_count
CREATE FUNCTION project_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM projects $$;

-- sql: seed_project
INSERT INTO projects (name) VALUES ('seed');

COMMIT;
