-- column_add_middle (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

ALTER TABLE projects ADD COLUMN notes TEXT;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
