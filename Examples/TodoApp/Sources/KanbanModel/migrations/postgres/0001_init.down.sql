-- schemagen migration 0001_init (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   DS: drops table boards and all its rows
--   DS: drops table cards and all its rows
--   BC: drops enum type card_state

SET search_path TO board;

BEGIN;

-- DS: drops table boards and all its rows
-- DS: drops table cards and all its rows
DROP TABLE boards, cards;

-- BC: drops enum type card_state
DROP TYPE card_state;

COMMIT;
