-- column_narrow (PostgreSQL, down)
-- Hazards:
--   PG: changing the type of items.qty rewrites the table under an exclusive lock
--   PG: changing the type of items.label rewrites the table under an exclusive lock

BEGIN;

-- PG: changing the type of items.qty rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN qty TYPE BIGINT USING qty::BIGINT;

-- PG: changing the type of items.label rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN label TYPE TEXT USING label::TEXT;

COMMIT;
