-- partition_add (PostgreSQL, down)
-- Hazards:
--   DS: drops partition events_2025 of events and its rows
--   DS: drops partition events_other of events and its rows

BEGIN;

-- DS: drops partition events_2025 of events and its rows
ALTER TABLE events DETACH PARTITION events_2025;
DROP TABLE events_2025;

-- DS: drops partition events_other of events and its rows
ALTER TABLE events DETACH PARTITION events_other;
DROP TABLE events_other;

COMMIT;
