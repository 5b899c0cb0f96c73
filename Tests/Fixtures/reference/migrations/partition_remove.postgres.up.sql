-- partition_remove (PostgreSQL, up)
-- Hazards:
--   DS: drops partition events_2024 of events and its rows

BEGIN;

-- DS: drops partition events_2024 of events and its rows
ALTER TABLE events DETACH PARTITION events_2024;
DROP TABLE events_2024;

COMMIT;
