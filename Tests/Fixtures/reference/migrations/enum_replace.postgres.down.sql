-- enum_replace (PostgreSQL, down)
-- Hazards:
--   TX: adds value in_progress to enum task_status outside the transaction

-- TX: outside the transaction: PostgreSQL cannot use a new enum value in the transaction that adds it.
-- TX: adds value in_progress to enum task_status outside the transaction
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'in_progress' AFTER 'pending';
