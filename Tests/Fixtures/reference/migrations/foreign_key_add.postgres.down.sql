-- foreign_key_add (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE tasks DROP CONSTRAINT fk_tasks_project_id;

COMMIT;
