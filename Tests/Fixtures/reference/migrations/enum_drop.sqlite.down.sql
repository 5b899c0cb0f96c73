-- enum_drop (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

ALTER TABLE tasks ADD COLUMN status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done'));

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
