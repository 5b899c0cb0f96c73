-- enum_rename_value (PostgreSQL, up)
-- Hazards:
--   TX: adds value blocked to enum task_status outside the transaction
--   BC: renames value running of enum task_status to in_progress: code using the old value breaks

-- TX: outside the transaction: PostgreSQL cannot use a new enum value in the transaction that adds it.
-- TX: adds value blocked to enum task_status outside the transaction
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'blocked' AFTER 'running';

BEGIN;

-- BC: renames value running of enum task_status to in_progress: code using the old value breaks
ALTER TYPE task_status RENAME VALUE 'running' TO 'in_progress';

ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'in_progress';

COMMIT;
