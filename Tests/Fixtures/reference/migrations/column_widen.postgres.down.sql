-- column_widen (PostgreSQL, down)
-- Hazards:
--   DS: narrows items.qty from bigint to int: values that do not fit are lost or make the migration fail
--   PG: changing the type of items.qty rewrites the table under an exclusive lock
--   DS: narrows items.label from string(200) to string(50): values that do not fit are lost or make the migration fail
--   PG: changing the type of items.label rewrites the table under an exclusive lock

BEGIN;

DROP VIEW item_labels;

-- DS: narrows items.qty from bigint to int: values that do not fit are lost or make the migration fail
-- PG: changing the type of items.qty rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE items ALTER COLUMN qty TYPE INTEGER USING qty::INTEGER;
ALTER TABLE items ALTER COLUMN qty SET DEFAULT 0;

-- DS: narrows items.label from string(200) to string(50): values that do not fit are lost or make the migration fail
-- PG: changing the type of items.label rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN label TYPE VARCHAR(50) USING label;

CREATE VIEW item_labels AS
SELECT id, label, qty FROM items;

COMMIT;
