-- column_generated (PostgreSQL, up)
-- Hazards:
--   DS: changes whether or how lines.total is generated: the column is dropped and added again

BEGIN;

-- DS: changes whether or how lines.total is generated: the column is dropped and added again
ALTER TABLE lines DROP COLUMN total;
ALTER TABLE lines ADD COLUMN total INTEGER GENERATED ALWAYS AS (qty * price * 2) STORED NOT NULL;

COMMIT;
