-- enum_add_values (PostgreSQL, up)
-- Hazards:
--   TX: adds value draft to enum task_status outside the transaction
--   TX: adds value in_progress to enum task_status outside the transaction
--   TX: adds value cancelled to enum task_status outside the transaction

-- TX: outside the transaction: PostgreSQL cannot use a new enum value in the transaction that adds it.
-- TX: adds value draft to enum task_status outside the transaction
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'draft' BEFORE 'pending';

-- TX: outside the transaction: PostgreSQL cannot use a new enum value in the transaction that adds it.
-- TX: adds value in_progress to enum task_status outside the transaction
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'in_progress' AFTER 'pending';

-- TX: outside the transaction: PostgreSQL cannot use a new enum value in the transaction that adds it.
-- TX: adds value cancelled to enum task_status outside the transaction
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'cancelled' AFTER 'done';
