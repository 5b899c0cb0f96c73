-- column_set_not_null (PostgreSQL, up)
-- Hazards:
--   DS: makes projects.name NOT NULL without a default: fails if a row holds NULL

BEGIN;

-- DS: makes projects.name NOT NULL without a default: fails if a row holds NULL
ALTER TABLE projects ALTER COLUMN name SET NOT NULL;

ALTER TABLE projects ALTER COLUMN color SET DEFAULT 'grey';
UPDATE projects SET color = 'grey' WHERE color IS NULL;
ALTER TABLE projects ALTER COLUMN color SET NOT NULL;

COMMIT;
