-- schemagen migration 0002_grow (SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   LT: rebuilds table tasks: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

DROP VIEW open_tasks;

DROP TRIGGER IF EXISTS trg_projects_touched_at;
DROP TRIGGER IF EXISTS projects_fts_ai;
DROP TRIGGER IF EXISTS projects_fts_ad;
DROP TRIGGER IF EXISTS projects_fts_au;

ALTER TABLE projects ADD COLUMN notes TEXT;

-- LT: rebuilds table tasks: copies every row into a new table
CREATE TABLE _schemagen_new_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'blocked', 'done')),
    CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
INSERT INTO _schemagen_new_tasks (id, project_id, title, status)
    SELECT id, project_id, title, status FROM tasks;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_tasks';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_tasks', seq FROM sqlite_sequence WHERE name = 'tasks';
DROP TABLE tasks;
ALTER TABLE _schemagen_new_tasks RENAME TO tasks;

CREATE TRIGGER projects_fts_ai AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts (rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER projects_fts_ad AFTER DELETE ON projects BEGIN
    INSERT INTO projects_fts (projects_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
CREATE TRIGGER projects_fts_au AFTER UPDATE ON projects BEGIN
    INSERT INTO projects_fts (projects_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
    INSERT INTO projects_fts (rowid, name) VALUES (new.rowid, new.name);
END;

CREATE TRIGGER trg_projects_touched_at AFTER UPDATE ON projects FOR EACH ROW WHEN new.touched_at IS old.touched_at BEGIN
    UPDATE projects SET touched_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

CREATE INDEX idx_tasks_project_id_status ON tasks (project_id, status);

CREATE VIEW open_tasks AS
SELECT id, project_id, title FROM tasks WHERE status = 'open';

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
