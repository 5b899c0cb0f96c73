-- schemagen migration 0001_init (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: drops view open_tasks
--   DS: drops table projects and all its rows
--   DS: drops table tasks and all its rows
--   BC: drops enum type task_status

SET search_path TO "Agentic Ops";

BEGIN;

-- BC: drops view open_tasks
DROP VIEW open_tasks;

-- DS: drops table projects and all its rows
-- DS: drops table tasks and all its rows
DROP TABLE projects, tasks;

DROP FUNCTION projects_touch_touched_at();

-- BC: drops enum type task_status
DROP TYPE task_status;

COMMIT;
