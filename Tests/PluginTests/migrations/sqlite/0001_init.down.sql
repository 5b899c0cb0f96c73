-- schemagen migration 0001_init (down, SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   DS: drops table shelves and all its rows
--   DS: drops table shelf_items and all its rows

PRAGMA foreign_keys = OFF;
BEGIN;

-- DS: drops table shelves and all its rows
DROP TABLE shelves;

-- DS: drops table shelf_items and all its rows
DROP TABLE shelf_items;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
