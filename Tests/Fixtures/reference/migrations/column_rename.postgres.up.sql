-- column_rename (PostgreSQL, up)
-- Hazards:
--   BC: renames column projects.title to name: code using the old name breaks

BEGIN;

-- BC: renames column projects.title to name: code using the old name breaks
ALTER TABLE projects RENAME COLUMN title TO name;

ALTER INDEX idx_projects_title RENAME TO idx_projects_name;

COMMIT;
