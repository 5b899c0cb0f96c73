-- partition_remove (PostgreSQL, up)
-- Hazards:
--   DS: drops partition events_2024 of events and its rows

BEGIN;

-- DS: drops partition events_2024 of events and its rows
DROP TABLE events_2024;

COMMIT;
