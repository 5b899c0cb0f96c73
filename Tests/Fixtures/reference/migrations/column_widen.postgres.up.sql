-- column_widen (PostgreSQL, up)
-- Hazards:
--   PG: changing the type of items.qty rewrites the table under an exclusive lock
--   PG: changing the type of items.label rewrites the table under an exclusive lock

BEGIN;

DROP VIEW item_labels;

-- PG: changing the type of items.qty rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE items ALTER COLUMN qty TYPE BIGINT USING qty::BIGINT;
ALTER TABLE items ALTER COLUMN qty SET DEFAULT 0;

-- PG: changing the type of items.label rewrites the table under an exclusive lock
ALTER TABLE items ALTER COLUMN label TYPE VARCHAR(200) USING label;

CREATE VIEW item_labels AS
SELECT id, label, qty FROM items;

COMMIT;
