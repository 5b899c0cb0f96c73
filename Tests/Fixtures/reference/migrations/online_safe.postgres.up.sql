-- online_safe (PostgreSQL, up)
-- Hazards:
--   MF: adds check chk_tasks_priority on tasks: fails if existing rows violate it
--   MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent

BEGIN;

ALTER TABLE tasks ADD CONSTRAINT chk_tasks_priority CHECK (priority BETWEEN 0 AND 10) NOT VALID;

ALTER TABLE tasks ADD CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE NOT VALID;

COMMIT;

-- TX: outside the transaction: the constraint was added NOT VALID and committed; validating it apart holds only a SHARE UPDATE EXCLUSIVE lock while the existing rows are read.
-- MF: adds check chk_tasks_priority on tasks: fails if existing rows violate it
ALTER TABLE tasks VALIDATE CONSTRAINT chk_tasks_priority;

-- TX: outside the transaction: a concurrent index build cannot run in one.
CREATE INDEX CONCURRENTLY idx_tasks_project_id_priority ON tasks (project_id, priority);

-- TX: outside the transaction: the constraint was added NOT VALID and committed; validating it apart holds only a SHARE UPDATE EXCLUSIVE lock while the existing rows are read.
-- MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent
ALTER TABLE tasks VALIDATE CONSTRAINT fk_tasks_project_id;
