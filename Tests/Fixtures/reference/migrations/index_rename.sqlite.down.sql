-- index_rename (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_name;

CREATE INDEX idx_projects_by_name ON projects (name);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
