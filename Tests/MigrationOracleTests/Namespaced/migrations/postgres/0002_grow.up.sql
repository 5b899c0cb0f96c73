-- schemagen migration 0002_grow (PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   TX: adds value blocked to enum task_status outside the transaction
--   PG: changing the type of projects.name rewrites the table under an exclusive lock
--   PG: changing the type of projects.rating rewrites the table under an exclusive lock

SET search_path TO "Agentic Ops";

-- TX: outside the transaction: PostgreSQL cannot use a new enum value in the transaction that adds it.
-- TX: adds value blocked to enum task_status outside the transaction
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'blocked' AFTER 'open';

BEGIN;

-- PG: changing the type of projects.name rewrites the table under an exclusive lock
DROP INDEX idx_projects_search;
ALTER TABLE projects ALTER COLUMN name TYPE TEXT USING name::TEXT;
CREATE INDEX idx_projects_search ON projects USING gin ((to_tsvector('english'::regconfig, coalesce(name, ''))));

ALTER TABLE projects ADD COLUMN notes TEXT;

-- PG: changing the type of projects.rating rewrites the table under an exclusive lock
ALTER TABLE projects DROP COLUMN bumped;
ALTER TABLE projects ALTER COLUMN rating DROP DEFAULT;
ALTER TABLE projects ALTER COLUMN rating TYPE INTEGER USING rating::INTEGER;
ALTER TABLE projects ALTER COLUMN rating SET DEFAULT 1;
ALTER TABLE projects ADD COLUMN bumped BIGINT GENERATED ALWAYS AS (rating * 2) STORED;

COMMIT;
