-- enum_rename_value (SQLite, down)
-- Hazards:
--   BC: renames value in_progress of enum task_status to running: code using the old value breaks
--   DS: drops value blocked of enum task_status: rows holding it make the migration fail
--   LT: rebuilds table tasks: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames value in_progress of enum task_status to running: code using the old value breaks
-- enum task_status: value in_progress is renamed to running: the rows holding it hold running, in tables rebuilt with the new CHECK.

-- DS: drops value blocked of enum task_status: rows holding it make the migration fail
-- enum task_status changed: the tables using it are rebuilt with the new CHECK.

DROP TRIGGER IF EXISTS trg_reviews_updated_at;

-- LT: rebuilds table tasks: copies every row into a new table
CREATE TABLE _schemagen_new_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('pending', 'running', 'done'))
);
INSERT INTO _schemagen_new_tasks (id, status)
    SELECT id, CASE status WHEN 'in_progress' THEN 'running' ELSE status END FROM tasks;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_tasks';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_tasks', seq FROM sqlite_sequence WHERE name = 'tasks';
DROP TABLE tasks;
ALTER TABLE _schemagen_new_tasks RENAME TO tasks;

UPDATE reviews SET seen = (SELECT json_group_array(CASE value WHEN 'in_progress' THEN 'running' ELSE value END) FROM json_each(reviews.seen))
    WHERE EXISTS (SELECT 1 FROM json_each(reviews.seen) WHERE value IN ('in_progress'));

CREATE TRIGGER trg_reviews_updated_at AFTER UPDATE ON reviews FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE reviews SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
