-- column_rename (SQLite, up)
-- Hazards:
--   BC: renames column projects.title to name: code using the old name breaks

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_projects_title;

-- BC: renames column projects.title to name: code using the old name breaks
ALTER TABLE projects RENAME COLUMN title TO name;

CREATE INDEX idx_projects_name ON projects (name);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
