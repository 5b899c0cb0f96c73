-- index_rename (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_projects_by_name;

CREATE INDEX idx_name ON projects (name);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
