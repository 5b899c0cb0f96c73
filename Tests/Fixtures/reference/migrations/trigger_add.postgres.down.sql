-- trigger_add (PostgreSQL, down)
-- Hazards: none.

BEGIN;

DROP TRIGGER bump_version ON orders;
DROP FUNCTION orders_bump_version();

COMMIT;
