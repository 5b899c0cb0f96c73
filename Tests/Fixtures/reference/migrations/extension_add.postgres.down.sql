-- extension_add (PostgreSQL, down)
-- Hazards:
--   BC: drops extension pg_trgm; fails while objects still use it

BEGIN;

-- BC: drops extension pg_trgm; fails while objects still use it
DROP EXTENSION IF EXISTS pg_trgm;

COMMIT;
