-- schemagen migration 0001_init (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   DS: drops table lists and all its rows
--   DS: drops table items and all its rows
--   BC: drops enum type priority

BEGIN;

-- DS: drops table lists and all its rows
-- DS: drops table items and all its rows
DROP TABLE lists, items;

-- BC: drops enum type priority
DROP TYPE priority;

COMMIT;
