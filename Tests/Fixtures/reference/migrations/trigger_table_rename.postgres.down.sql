-- trigger_table_rename (PostgreSQL, down)
-- Hazards:
--   BC: renames table purchases to orders: code using the old name breaks

BEGIN;

DROP TRIGGER no_reopen ON purchases;
DROP FUNCTION purchases_no_reopen();

-- BC: renames table purchases to orders: code using the old name breaks
ALTER TABLE purchases RENAME TO orders;
ALTER SEQUENCE purchases_id_seq RENAME TO orders_id_seq;

ALTER TABLE orders RENAME CONSTRAINT pk_purchases TO pk_orders;

CREATE FUNCTION orders_no_reopen() RETURNS trigger LANGUAGE plpgsql AS $schemagen$
BEGIN
RAISE EXCEPTION 'order % is closed', OLD.id;
END;
$schemagen$;
CREATE TRIGGER no_reopen BEFORE UPDATE ON orders FOR EACH ROW WHEN (OLD.status = 'closed') EXECUTE FUNCTION orders_no_reopen();

COMMIT;
