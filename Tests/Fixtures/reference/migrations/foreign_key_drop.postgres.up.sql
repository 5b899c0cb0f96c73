-- foreign_key_drop (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER TABLE tasks DROP CONSTRAINT fk_tasks_project_id;

COMMIT;
