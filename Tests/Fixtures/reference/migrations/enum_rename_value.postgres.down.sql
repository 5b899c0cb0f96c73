-- enum_rename_value (PostgreSQL, down)
-- Hazards:
--   BC: renames value in_progress of enum task_status to running: code using the old value breaks
--   DS: drops value blocked of enum task_status: rows holding it make the migration fail
--   PG: rewrites every table with a column of enum task_status

BEGIN;

-- BC: renames value in_progress of enum task_status to running: code using the old value breaks
ALTER TYPE task_status RENAME VALUE 'in_progress' TO 'running';

-- DS: drops value blocked of enum task_status: rows holding it make the migration fail
-- PG: rewrites every table with a column of enum task_status
ALTER TYPE task_status RENAME TO task_status__old;
CREATE TYPE task_status AS ENUM ('pending', 'running', 'done');
ALTER TABLE tasks ALTER COLUMN status DROP DEFAULT;
ALTER TABLE tasks ALTER COLUMN status TYPE task_status USING status::text::task_status;
ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'running';
ALTER TABLE reviews ALTER COLUMN seen DROP DEFAULT;
ALTER TABLE reviews ALTER COLUMN seen TYPE task_status[] USING seen::text::task_status[];
ALTER TABLE reviews ALTER COLUMN seen SET DEFAULT '{}'::task_status[];
DROP TYPE task_status__old;

ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'running';

COMMIT;
