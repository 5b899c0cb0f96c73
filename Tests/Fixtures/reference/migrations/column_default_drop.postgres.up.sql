-- column_default_drop (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ALTER COLUMN name DROP DEFAULT;

COMMIT;
