-- index_change (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_projects_name;

CREATE INDEX idx_projects_name ON projects (name);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
