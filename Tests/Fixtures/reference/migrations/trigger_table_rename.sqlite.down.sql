-- trigger_table_rename (SQLite, down)
-- Hazards:
--   BC: renames table purchases to orders: code using the old name breaks

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER no_reopen;

-- BC: renames table purchases to orders: code using the old name breaks
ALTER TABLE purchases RENAME TO orders;

CREATE TRIGGER no_reopen BEFORE UPDATE ON orders FOR EACH ROW WHEN OLD.status = 'closed' BEGIN
SELECT RAISE(ABORT, 'order is closed');
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
