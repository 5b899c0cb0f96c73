-- table_create (PostgreSQL, down)
-- Hazards:
--   DS: drops table tasks and all its rows

BEGIN;

-- DS: drops table tasks and all its rows
DROP TABLE tasks;

DROP FUNCTION tasks_touch_updated_at();

COMMIT;
