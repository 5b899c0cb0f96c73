-- targets_table_and_index (PostgreSQL, down)
-- Hazards:
--   PG: builds index idx_samples_name while holding a lock that blocks writes to samples

BEGIN;

-- PG: builds index idx_samples_name while holding a lock that blocks writes to samples
CREATE INDEX idx_samples_name ON samples (name);

COMMIT;
