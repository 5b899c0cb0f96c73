-- column_rename (PostgreSQL, down)
-- Hazards:
--   BC: renames column projects.name to title: code using the old name breaks

BEGIN;

-- BC: renames column projects.name to title: code using the old name breaks
ALTER TABLE projects RENAME COLUMN name TO title;

ALTER INDEX idx_projects_name RENAME TO idx_projects_title;

COMMIT;
