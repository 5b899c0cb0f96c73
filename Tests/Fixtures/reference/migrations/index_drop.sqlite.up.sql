-- index_drop (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_projects_name;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
