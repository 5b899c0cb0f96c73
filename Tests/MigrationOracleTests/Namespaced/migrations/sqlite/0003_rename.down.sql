-- schemagen migration 0003_rename (down, SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: renames table work_items to tasks: code using the old name breaks
--   BC: renames column tasks.summary to title: code using the old name breaks
--   LT: rebuilds table projects: copies every row into a new table
--   LT: rebuilds table tasks: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

DROP VIEW open_tasks;

DROP TRIGGER IF EXISTS projects_fts_ai;
DROP TRIGGER IF EXISTS projects_fts_ad;
DROP TRIGGER IF EXISTS projects_fts_au;
DROP TABLE projects_fts;

-- BC: renames table work_items to tasks: code using the old name breaks
ALTER TABLE work_items RENAME TO tasks;

-- BC: renames column tasks.summary to title: code using the old name breaks
ALTER TABLE tasks RENAME COLUMN summary TO title;

-- LT: rebuilds table projects: copies every row into a new table
CREATE TABLE _schemagen_new_projects (
    id TEXT NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    name TEXT NOT NULL,
    notes TEXT,
    rating INTEGER NOT NULL DEFAULT 1,
    bumped INTEGER GENERATED ALWAYS AS (rating * 2) STORED,
    touched_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_projects PRIMARY KEY (id)
);
INSERT INTO _schemagen_new_projects (rowid, id, name, notes, rating)
    SELECT rowid, id, name, notes, rating FROM projects;
DROP TABLE projects;
ALTER TABLE _schemagen_new_projects RENAME TO projects;

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

CREATE VIRTUAL TABLE projects_fts USING fts5("name", content='projects', content_rowid='rowid');
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
INSERT INTO projects_fts (projects_fts) VALUES ('rebuild');

CREATE TRIGGER trg_projects_touched_at AFTER UPDATE ON projects FOR EACH ROW WHEN new.touched_at IS old.touched_at BEGIN
    UPDATE projects SET touched_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

CREATE INDEX idx_tasks_project_id_status ON tasks (project_id, status);

CREATE VIEW open_tasks AS
SELECT id, project_id, title FROM tasks WHERE status = 'open';

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
