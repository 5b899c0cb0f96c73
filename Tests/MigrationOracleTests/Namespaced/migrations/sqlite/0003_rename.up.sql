-- schemagen migration 0003_rename (SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: renames table tasks to work_items: code using the old name breaks
--   BC: renames column work_items.title to summary: code using the old name breaks
--   DS: drops column projects.touched_at and its values
--   LT: rebuilds table work_items: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

DROP VIEW open_tasks;

DROP TRIGGER IF EXISTS trg_projects_touched_at;
DROP TRIGGER IF EXISTS projects_fts_ai;
DROP TRIGGER IF EXISTS projects_fts_ad;
DROP TRIGGER IF EXISTS projects_fts_au;

-- BC: renames table tasks to work_items: code using the old name breaks
ALTER TABLE tasks RENAME TO work_items;

-- BC: renames column work_items.title to summary: code using the old name breaks
ALTER TABLE work_items RENAME COLUMN title TO summary;

-- DS: drops column projects.touched_at and its values
ALTER TABLE projects DROP COLUMN touched_at;

-- LT: rebuilds table work_items: copies every row into a new table
CREATE TABLE _schemagen_new_work_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'blocked', 'done')),
    CONSTRAINT fk_work_items_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
INSERT INTO _schemagen_new_work_items (id, project_id, summary, status)
    SELECT id, project_id, summary, status FROM work_items;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_work_items';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_work_items', seq FROM sqlite_sequence WHERE name = 'work_items';
DROP TABLE work_items;
ALTER TABLE _schemagen_new_work_items RENAME TO work_items;

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

CREATE INDEX idx_work_items_project_id_status ON work_items (project_id, status);

CREATE VIEW open_tasks AS
SELECT id, project_id, summary FROM work_items WHERE status = 'open';

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
