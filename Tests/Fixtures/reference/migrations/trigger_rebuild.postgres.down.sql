-- trigger_rebuild (PostgreSQL, down)
-- Hazards:
--   DS: narrows orders.status from string(40) to string(20): values that do not fit are lost or make the migration fail
--   DS: makes orders.status NOT NULL without a default: fails if a row holds NULL
--   PG: changing the type of orders.status rewrites the table under an exclusive lock

BEGIN;

DROP TRIGGER bump_version ON orders;
DROP FUNCTION orders_bump_version();

-- DS: narrows orders.status from string(40) to string(20): values that do not fit are lost or make the migration fail
-- DS: makes orders.status NOT NULL without a default: fails if a row holds NULL
-- PG: changing the type of orders.status rewrites the table under an exclusive lock
ALTER TABLE orders ALTER COLUMN status TYPE VARCHAR(20) USING status;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

CREATE FUNCTION orders_bump_version() RETURNS trigger LANGUAGE plpgsql AS $schemagen$
BEGIN
UPDATE orders SET version = version + 1 WHERE id = NEW.id;
RETURN NULL;
END;
$schemagen$;
CREATE TRIGGER bump_version AFTER UPDATE OF status ON orders FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION orders_bump_version();

COMMIT;
