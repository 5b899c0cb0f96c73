-- constraint_rename (PostgreSQL, down)
-- Hazards:
--   BC: renames table jobs to tasks: code using the old name breaks

BEGIN;

-- BC: renames table jobs to tasks: code using the old name breaks
ALTER TABLE jobs RENAME TO tasks;
ALTER SEQUENCE jobs_id_seq RENAME TO tasks_id_seq;

ALTER TABLE tasks RENAME CONSTRAINT fk_jobs_project_id TO fk_tasks_project_id;

ALTER TABLE tasks RENAME CONSTRAINT uq_jobs_slug TO uq_tasks_slug;

ALTER TABLE tasks RENAME CONSTRAINT chk_jobs_priority TO chk_tasks_priority;

ALTER TABLE tasks RENAME CONSTRAINT pk_jobs TO pk_tasks;

ALTER INDEX idx_jobs_project_id_priority RENAME TO idx_tasks_project_id_priority;

COMMIT;
