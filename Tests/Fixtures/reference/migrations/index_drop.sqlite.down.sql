-- index_drop (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE INDEX idx_projects_name ON projects (name);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
