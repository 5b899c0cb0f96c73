-- trigger_remove (PostgreSQL, up)
-- Hazards: none.

BEGIN;

DROP TRIGGER bump_version ON orders;
DROP FUNCTION orders_bump_version();

COMMIT;
