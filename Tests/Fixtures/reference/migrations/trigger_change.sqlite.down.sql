-- trigger_change (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER bump_version;

CREATE TRIGGER bump_version AFTER UPDATE OF status ON orders FOR EACH ROW WHEN NEW.status IS NOT OLD.status BEGIN
UPDATE orders SET version = version + 1 WHERE id = NEW.id;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
