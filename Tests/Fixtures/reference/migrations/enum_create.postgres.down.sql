-- enum_create (PostgreSQL, down)
-- Hazards:
--   DS: drops table tasks and all its rows
--   BC: drops enum type task_status

BEGIN;

-- DS: drops table tasks and all its rows
DROP TABLE tasks;

-- BC: drops enum type task_status
DROP TYPE task_status;

COMMIT;
