-- rebuild_dependents (SQLite, up)
-- Hazards:
--   LT: rebuilds table notes: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

DROP VIEW note_titles;

DROP TRIGGER IF EXISTS trg_notes_updated_at;
DROP TRIGGER IF EXISTS notes_fts_ai;
DROP TRIGGER IF EXISTS notes_fts_ad;
DROP TRIGGER IF EXISTS notes_fts_au;
DROP TABLE notes_fts;

-- LT: rebuilds table notes: copies every row into a new table
CREATE TABLE _schemagen_new_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL DEFAULT 'untitled',
    body TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO _schemagen_new_notes (id, title, body, updated_at)
    SELECT id, title, body, updated_at FROM notes;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_notes';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_notes', seq FROM sqlite_sequence WHERE name = 'notes';
DROP TABLE notes;
ALTER TABLE _schemagen_new_notes RENAME TO notes;

CREATE INDEX idx_notes_title ON notes (title);

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

CREATE TRIGGER trg_notes_updated_at AFTER UPDATE ON notes FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE notes SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

CREATE VIEW note_titles AS
SELECT id, title FROM notes;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
