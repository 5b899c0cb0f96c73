-- enum_comment (PostgreSQL, up)
-- Hazards: none.

BEGIN;

COMMENT ON TYPE task_status IS 'Where a task is.';

COMMIT;
