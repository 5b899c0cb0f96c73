-- table_drop (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE INDEX idx_tasks_project_id_title ON tasks (project_id, title);
CREATE TRIGGER trg_tasks_updated_at AFTER UPDATE ON tasks FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE tasks SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
