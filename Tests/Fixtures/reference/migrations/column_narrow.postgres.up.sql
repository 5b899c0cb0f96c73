-- column_narrow (PostgreSQL, up)
-- Hazards:
--   DS: narrows items.qty from bigint to int: values that do not fit are lost or make the migration fail
--   PG: changing the type of items.qty rewrites the table under an exclusive lock
--   DS: narrows items.label from text to string(50): values that do not fit are lost or make the migration fail
--   PG: changing the type of items.label rewrites the table under an exclusive lock

BEGIN;

-- DS: narrows items.qty from bigint to int: values that do not fit are lost or make the migration fail
-- PG: changing the type of items.qty rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN qty TYPE INTEGER USING qty::INTEGER;

-- DS: narrows items.label from text to string(50): values that do not fit are lost or make the migration fail
-- PG: changing the type of items.label rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN label TYPE VARCHAR(50) USING label;

COMMIT;
