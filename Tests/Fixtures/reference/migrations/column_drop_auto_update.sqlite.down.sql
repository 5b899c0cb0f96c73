-- column_drop_auto_update (SQLite, down)
-- Hazards:
--   LT: rebuilds table projects: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- LT: rebuilds table projects: copies every row into a new table
CREATE TABLE _schemagen_new_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO _schemagen_new_projects (id, name)
    SELECT id, name FROM projects;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_projects';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_projects', seq FROM sqlite_sequence WHERE name = 'projects';
DROP TABLE projects;
ALTER TABLE _schemagen_new_projects RENAME TO projects;

CREATE TRIGGER trg_projects_updated_at AFTER UPDATE ON projects FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE projects SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
