-- namespace (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL,
    CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id)
);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
