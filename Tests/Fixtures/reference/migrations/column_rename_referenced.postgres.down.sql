-- column_rename_referenced (PostgreSQL, down)
-- Hazards:
--   BC: renames column projects.slug to code: code using the old name breaks

BEGIN;

-- BC: renames column projects.slug to code: code using the old name breaks
ALTER TABLE projects RENAME COLUMN slug TO code;

ALTER TABLE projects RENAME CONSTRAINT uq_projects_slug TO uq_projects_code;

COMMIT;
