-- column_rename_referenced (PostgreSQL, up)
-- Hazards:
--   BC: renames column projects.code to slug: code using the old name breaks

BEGIN;

-- BC: renames column projects.code to slug: code using the old name breaks
ALTER TABLE projects RENAME COLUMN code TO slug;

ALTER TABLE projects RENAME CONSTRAINT uq_projects_code TO uq_projects_slug;

COMMIT;
