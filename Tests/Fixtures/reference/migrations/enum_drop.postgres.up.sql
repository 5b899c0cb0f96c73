-- enum_drop (PostgreSQL, up)
-- Hazards:
--   DS: drops column tasks.status and its values
--   BC: drops enum type task_status

BEGIN;

-- DS: drops column tasks.status and its values
ALTER TABLE tasks DROP COLUMN status;

-- BC: drops enum type task_status
DROP TYPE task_status;

COMMIT;
