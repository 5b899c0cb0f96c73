-- column_drop_not_null (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ALTER COLUMN name DROP NOT NULL;

COMMIT;
