-- column_rename (SQLite, down)
-- Hazards:
--   BC: renames column projects.name to title: code using the old name breaks

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_projects_name;

-- BC: renames column projects.name to title: code using the old name breaks
ALTER TABLE projects RENAME COLUMN name TO title;

CREATE INDEX idx_projects_title ON projects (title);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
