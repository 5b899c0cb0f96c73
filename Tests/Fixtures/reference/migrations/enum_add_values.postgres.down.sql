-- enum_add_values (PostgreSQL, down)
-- Hazards:
--   DS: drops values draft, in_progress, cancelled of enum task_status: rows holding them make the migration fail
--   PG: rewrites every table with a column of enum task_status

BEGIN;

-- DS: drops values draft, in_progress, cancelled of enum task_status: rows holding them make the migration fail
-- PG: rewrites every table with a column of enum task_status
ALTER TYPE task_status RENAME TO task_status__old;
CREATE TYPE task_status AS ENUM ('pending', 'done');
ALTER TABLE tasks ALTER COLUMN status DROP DEFAULT;
ALTER TABLE tasks ALTER COLUMN status TYPE task_status USING status::text::task_status;
ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'pending';
DROP TYPE task_status__old;

COMMIT;
