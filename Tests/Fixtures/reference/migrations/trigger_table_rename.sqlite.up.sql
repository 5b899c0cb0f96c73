-- trigger_table_rename (SQLite, up)
-- Hazards:
--   BC: renames table orders to purchases: code using the old name breaks

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER no_reopen;

-- BC: renames table orders to purchases: code using the old name breaks
ALTER TABLE orders RENAME TO purchases;

CREATE TRIGGER no_reopen BEFORE UPDATE ON purchases FOR EACH ROW WHEN OLD.status = 'closed' BEGIN
SELECT RAISE(ABORT, 'order is closed');
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
