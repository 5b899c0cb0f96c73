-- targets_table_and_index (PostgreSQL, up)
-- Hazards: none.

BEGIN;

DROP INDEX idx_samples_name;

COMMIT;
