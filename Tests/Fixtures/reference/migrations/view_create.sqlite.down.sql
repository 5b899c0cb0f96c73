-- view_create (SQLite, down)
-- Hazards:
--   BC: drops view short_names
--   BC: drops view project_names

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: drops view short_names
DROP VIEW short_names;

-- BC: drops view project_names
DROP VIEW project_names;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
