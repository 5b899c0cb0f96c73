-- foreign_key_add (SQLite, down)
-- Hazards:
--   LT: rebuilds table tasks: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- LT: rebuilds table tasks: copies every row into a new table
CREATE TABLE _schemagen_new_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL
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
