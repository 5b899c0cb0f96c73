-- enum_replace (SQLite, up)
-- Hazards:
--   DS: drops value in_progress of enum task_status: rows holding it make the migration fail
--   LT: rebuilds table tasks: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops value in_progress of enum task_status: rows holding it make the migration fail
-- enum task_status changed: the tables using it are rebuilt with the new CHECK.

-- LT: rebuilds table tasks: copies every row into a new table
CREATE TABLE _schemagen_new_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
    history TEXT NOT NULL DEFAULT '[]' CHECK (history IS NULL OR CASE WHEN json_valid(history) THEN json_type(history) = 'array' ELSE 0 END)
);
INSERT INTO _schemagen_new_tasks (id, status, history)
    SELECT id, status, history FROM tasks;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_tasks';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_tasks', seq FROM sqlite_sequence WHERE name = 'tasks';
DROP TABLE tasks;
ALTER TABLE _schemagen_new_tasks RENAME TO tasks;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
