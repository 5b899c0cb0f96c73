-- column_drop_indexed (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

ALTER TABLE projects ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

CREATE INDEX idx_projects_archived ON projects (archived);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
