-- online_safe (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE tasks DROP CONSTRAINT fk_tasks_project_id;

ALTER TABLE tasks DROP CONSTRAINT chk_tasks_priority;

DROP INDEX idx_tasks_project_id_priority;

COMMIT;
