-- search_add (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE VIRTUAL TABLE notes_fts USING fts5("title", "body", content='notes', content_rowid='rowid');
CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER notes_fts_au AFTER UPDATE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO notes_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
