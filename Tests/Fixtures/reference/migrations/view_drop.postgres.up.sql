-- view_drop (PostgreSQL, up)
-- Hazards:
--   BC: drops view short_names

BEGIN;

-- BC: drops view short_names
DROP VIEW short_names;

COMMIT;
