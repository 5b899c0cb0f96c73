-- enum_rename_value (SQLite, up)
-- Hazards:
--   BC: renames value running of enum task_status to in_progress: code using the old value breaks
--   LT: rebuilds table tasks: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames value running of enum task_status to in_progress: code using the old value breaks
-- enum task_status: value running is renamed to in_progress: the rows holding it hold in_progress, in tables rebuilt with the new CHECK.

DROP TRIGGER IF EXISTS trg_reviews_updated_at;

-- LT: rebuilds table tasks: copies every row into a new table
CREATE TABLE _schemagen_new_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('pending', 'in_progress', 'blocked', 'done'))
);
INSERT INTO _schemagen_new_tasks (id, status)
    SELECT id, CASE status WHEN 'running' THEN 'in_progress' ELSE status END FROM tasks;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_tasks';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_tasks', seq FROM sqlite_sequence WHERE name = 'tasks';
DROP TABLE tasks;
ALTER TABLE _schemagen_new_tasks RENAME TO tasks;

UPDATE reviews SET seen = (SELECT json_group_array(CASE value WHEN 'running' THEN 'in_progress' ELSE value END) FROM json_each(reviews.seen))
    WHERE EXISTS (SELECT 1 FROM json_each(reviews.seen) WHERE value IN ('running'));

CREATE TRIGGER trg_reviews_updated_at AFTER UPDATE ON reviews FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE reviews SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
