-- raw_sql_add (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

-- sql: seed_project (down)
DELETE FROM projects WHERE name = 'seed';

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
