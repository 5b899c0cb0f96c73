-- view_create (PostgreSQL, down)
-- Hazards:
--   BC: drops view short_names
--   BC: drops view project_names

BEGIN;

-- BC: drops view short_names
DROP VIEW short_names;

-- BC: drops view project_names
DROP VIEW project_names;

COMMIT;
