-- column_default_set (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ALTER COLUMN name DROP DEFAULT;

COMMIT;
