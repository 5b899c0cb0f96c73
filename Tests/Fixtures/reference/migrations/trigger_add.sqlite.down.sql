-- trigger_add (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER bump_version;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
