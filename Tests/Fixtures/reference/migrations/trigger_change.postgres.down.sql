-- trigger_change (PostgreSQL, down)
-- Hazards: none.

BEGIN;

DROP TRIGGER bump_version ON orders;
DROP FUNCTION orders_bump_version();

CREATE FUNCTION orders_bump_version() RETURNS trigger LANGUAGE plpgsql AS $schemagen$
BEGIN
UPDATE orders SET version = version + 1 WHERE id = NEW.id;
RETURN NULL;
END;
$schemagen$;
CREATE TRIGGER bump_version AFTER UPDATE OF status ON orders FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION orders_bump_version();

COMMIT;
