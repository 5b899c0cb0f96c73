-- column_set_not_null (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ALTER COLUMN name DROP NOT NULL;

ALTER TABLE projects ALTER COLUMN color DROP DEFAULT;
ALTER TABLE projects ALTER COLUMN color DROP NOT NULL;

COMMIT;
