-- constraint_rename (SQLite, up)
-- Hazards:
--   BC: renames table tasks to jobs: code using the old name breaks
--   LT: rebuilds table jobs: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames table tasks to jobs: code using the old name breaks
ALTER TABLE tasks RENAME TO jobs;

-- LT: rebuilds table jobs: copies every row into a new table
CREATE TABLE _schemagen_new_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT uq_jobs_slug UNIQUE (slug),
    CONSTRAINT chk_jobs_priority CHECK (priority >= 0),
    CONSTRAINT fk_jobs_project_id FOREIGN KEY (project_id) REFERENCES projects (id)
);
INSERT INTO _schemagen_new_jobs (id, project_id, slug, priority)
    SELECT id, project_id, slug, priority FROM jobs;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_jobs';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_jobs', seq FROM sqlite_sequence WHERE name = 'jobs';
DROP TABLE jobs;
ALTER TABLE _schemagen_new_jobs RENAME TO jobs;

CREATE INDEX idx_jobs_project_id_priority ON jobs (project_id, priority);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
