-- foreign_key_add (SQLite, up)
-- Hazards:
--   LT: rebuilds table tasks: copies every row into a new table
--   MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent

PRAGMA foreign_keys = OFF;
BEGIN;

-- LT: rebuilds table tasks: copies every row into a new table
-- MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent
CREATE TABLE _schemagen_new_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL,
    CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
INSERT INTO _schemagen_new_tasks (id, project_id)
    SELECT id, project_id FROM tasks;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_tasks';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_tasks', seq FROM sqlite_sequence WHERE name = 'tasks';
DROP TABLE tasks;
ALTER TABLE _schemagen_new_tasks RENAME TO tasks;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
