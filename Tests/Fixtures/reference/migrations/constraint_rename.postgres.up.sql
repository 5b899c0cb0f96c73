-- constraint_rename (PostgreSQL, up)
-- Hazards:
--   BC: renames table tasks to jobs: code using the old name breaks

BEGIN;

-- BC: renames table tasks to jobs: code using the old name breaks
ALTER TABLE tasks RENAME TO jobs;
ALTER SEQUENCE tasks_id_seq RENAME TO jobs_id_seq;

ALTER TABLE jobs RENAME CONSTRAINT fk_tasks_project_id TO fk_jobs_project_id;

ALTER TABLE jobs RENAME CONSTRAINT uq_tasks_slug TO uq_jobs_slug;

ALTER TABLE jobs RENAME CONSTRAINT chk_tasks_priority TO chk_jobs_priority;

ALTER TABLE jobs RENAME CONSTRAINT pk_tasks TO pk_jobs;

ALTER INDEX idx_tasks_project_id_priority RENAME TO idx_jobs_project_id_priority;

COMMIT;
