-- extension_add (PostgreSQL, up)
-- Hazards: none.

BEGIN;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

COMMIT;
