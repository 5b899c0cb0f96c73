-- partition_add (PostgreSQL, up)
-- Hazards: none.

BEGIN;

CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');

CREATE TABLE events_other PARTITION OF events DEFAULT;

COMMIT;
