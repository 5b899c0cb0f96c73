-- trigger_rebuild (SQLite, down)
-- Hazards:
--   LT: rebuilds table orders: copies every row into a new table
--   DS: narrows orders.status from string(40) to string(20): values that do not fit are lost or make the migration fail
--   DS: makes orders.status NOT NULL without a default: fails if a row holds NULL

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER bump_version;

-- LT: rebuilds table orders: copies every row into a new table
-- DS: narrows orders.status from string(40) to string(20): values that do not fit are lost or make the migration fail
-- DS: makes orders.status NOT NULL without a default: fails if a row holds NULL
CREATE TABLE _schemagen_new_orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
INSERT INTO _schemagen_new_orders (id, status, version)
    SELECT id, status, version FROM orders;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_orders';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_orders', seq FROM sqlite_sequence WHERE name = 'orders';
DROP TABLE orders;
ALTER TABLE _schemagen_new_orders RENAME TO orders;

CREATE TRIGGER bump_version AFTER UPDATE OF status ON orders FOR EACH ROW WHEN NEW.status IS NOT OLD.status BEGIN
UPDATE orders SET version = version + 1 WHERE id = NEW.id;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
