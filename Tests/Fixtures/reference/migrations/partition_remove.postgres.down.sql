-- partition_remove (PostgreSQL, down)
-- Hazards: none.

BEGIN;

CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');

COMMIT;
