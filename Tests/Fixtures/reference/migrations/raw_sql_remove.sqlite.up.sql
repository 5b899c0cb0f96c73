-- raw_sql_remove (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

-- sql: seed_project has no 'down': nothing to undo.

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
