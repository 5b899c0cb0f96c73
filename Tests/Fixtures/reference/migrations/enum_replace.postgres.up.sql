-- enum_replace (PostgreSQL, up)
-- Hazards:
--   DS: drops value in_progress of enum task_status: rows holding it make the migration fail
--   PG: rewrites every table with a column of enum task_status

BEGIN;

-- DS: drops value in_progress of enum task_status: rows holding it make the migration fail
-- PG: rewrites every table with a column of enum task_status
ALTER TYPE task_status RENAME TO task_status__old;
CREATE TYPE task_status AS ENUM ('pending', 'done');
ALTER TABLE tasks ALTER COLUMN status DROP DEFAULT;
ALTER TABLE tasks ALTER COLUMN status TYPE task_status USING status::text::task_status;
ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'pending';
ALTER TABLE tasks ALTER COLUMN history DROP DEFAULT;
ALTER TABLE tasks ALTER COLUMN history TYPE task_status[] USING history::text::task_status[];
ALTER TABLE tasks ALTER COLUMN history SET DEFAULT '{}'::task_status[];
DROP TYPE task_status__old;

COMMIT;
