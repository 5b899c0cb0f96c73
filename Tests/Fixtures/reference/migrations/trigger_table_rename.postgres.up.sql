-- trigger_table_rename (PostgreSQL, up)
-- Hazards:
--   BC: renames table orders to purchases: code using the old name breaks

BEGIN;

DROP TRIGGER no_reopen ON orders;
DROP FUNCTION orders_no_reopen();

-- BC: renames table orders to purchases: code using the old name breaks
ALTER TABLE orders RENAME TO purchases;
ALTER SEQUENCE orders_id_seq RENAME TO purchases_id_seq;

ALTER TABLE purchases RENAME CONSTRAINT pk_orders TO pk_purchases;

CREATE FUNCTION purchases_no_reopen() RETURNS trigger LANGUAGE plpgsql AS $schemagen$
BEGIN
RAISE EXCEPTION 'order % is closed', OLD.id;
END;
$schemagen$;
CREATE TRIGGER no_reopen BEFORE UPDATE ON purchases FOR EACH ROW WHEN (OLD.status = 'closed') EXECUTE FUNCTION purchases_no_reopen();

COMMIT;
