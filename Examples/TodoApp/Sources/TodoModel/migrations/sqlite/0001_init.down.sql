-- schemagen migration 0001_init (down, SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   DS: drops table lists and all its rows
--   DS: drops table items and all its rows

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops table lists and all its rows
DROP TABLE lists;

-- DS: drops table items and all its rows
DROP TABLE items;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
