-- enum_comment (PostgreSQL, down)
-- Hazards: none.

BEGIN;

COMMENT ON TYPE task_status IS NULL;

COMMIT;
