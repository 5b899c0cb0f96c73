-- column_drop_not_null (PostgreSQL, down)
-- Hazards:
--   DS: makes projects.name NOT NULL without a default: fails if a row holds NULL

BEGIN;

-- DS: makes projects.name NOT NULL without a default: fails if a row holds NULL
ALTER TABLE projects ALTER COLUMN name SET NOT NULL;

COMMIT;
