-- schemagen migration 0002_grow (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   DS: drops column projects.notes and its values
--   DS: drops value blocked of enum task_status: rows holding it make the migration fail
--   PG: rewrites every table with a column of enum task_status
--   DS: narrows projects.name from text to string(80): values that do not fit are lost or make the migration fail
--   PG: changing the type of projects.name rewrites the table under an exclusive lock
--   DS: narrows projects.rating from int to smallint: values that do not fit are lost or make the migration fail
--   PG: changing the type of projects.rating rewrites the table under an exclusive lock

SET search_path TO "Agentic Ops";

BEGIN;

DROP VIEW open_tasks;

-- DS: drops column projects.notes and its values
ALTER TABLE projects DROP COLUMN notes;

-- DS: drops value blocked of enum task_status: rows holding it make the migration fail
-- PG: rewrites every table with a column of enum task_status
ALTER TYPE task_status RENAME TO task_status__old;
CREATE TYPE task_status AS ENUM ('open', 'done');
ALTER TABLE tasks ALTER COLUMN status DROP DEFAULT;
ALTER TABLE tasks ALTER COLUMN status TYPE task_status USING status::text::task_status;
ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'open';
DROP TYPE task_status__old;

-- DS: narrows projects.name from text to string(80): values that do not fit are lost or make the migration fail
-- PG: changing the type of projects.name rewrites the table under an exclusive lock
DROP INDEX idx_projects_search;
ALTER TABLE projects ALTER COLUMN name TYPE VARCHAR(80) USING name;
CREATE INDEX idx_projects_search ON projects USING gin ((to_tsvector('english'::regconfig, coalesce(name, ''))));

-- DS: narrows projects.rating from int to smallint: values that do not fit are lost or make the migration fail
-- PG: changing the type of projects.rating rewrites the table under an exclusive lock
ALTER TABLE projects DROP COLUMN bumped;
ALTER TABLE projects ALTER COLUMN rating DROP DEFAULT;
ALTER TABLE projects ALTER COLUMN rating TYPE SMALLINT USING rating::SMALLINT;
ALTER TABLE projects ALTER COLUMN rating SET DEFAULT 1;
ALTER TABLE projects ADD COLUMN bumped BIGINT GENERATED ALWAYS AS (rating * 2) STORED;

CREATE VIEW open_tasks AS
SELECT id, project_id, title FROM tasks WHERE status = 'open';

COMMIT;
