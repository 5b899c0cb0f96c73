-- raw_sql_add (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

-- sql: seed_project
INSERT INTO projects (name) VALUES ('seed');

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
