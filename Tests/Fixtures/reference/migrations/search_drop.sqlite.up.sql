-- search_drop (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER IF EXISTS notes_fts_ai;
DROP TRIGGER IF EXISTS notes_fts_ad;
DROP TRIGGER IF EXISTS notes_fts_au;
DROP TABLE notes_fts;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
