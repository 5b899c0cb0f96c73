-- column_drop (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

ALTER TABLE projects ADD COLUMN description TEXT;

ALTER TABLE projects ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
