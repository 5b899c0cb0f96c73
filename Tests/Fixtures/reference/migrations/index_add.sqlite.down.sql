-- index_add (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP INDEX idx_projects_name;
DROP INDEX uq_projects_lower_name;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
