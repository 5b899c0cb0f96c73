-- constraint_rename (SQLite, down)
-- Hazards:
--   BC: renames table jobs to tasks: code using the old name breaks
--   LT: rebuilds table tasks: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames table jobs to tasks: code using the old name breaks
ALTER TABLE jobs RENAME TO tasks;

-- LT: rebuilds table tasks: copies every row into a new table
CREATE TABLE _schemagen_new_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT uq_tasks_slug UNIQUE (slug),
    CONSTRAINT chk_tasks_priority CHECK (priority >= 0),
    CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id)
);
INSERT INTO _schemagen_new_tasks (id, project_id, slug, priority)
    SELECT id, project_id, slug, priority FROM tasks;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_tasks';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_tasks', seq FROM sqlite_sequence WHERE name = 'tasks';
DROP TABLE tasks;
ALTER TABLE _schemagen_new_tasks RENAME TO tasks;

CREATE INDEX idx_tasks_project_id_priority ON tasks (project_id, priority);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
