-- column_generated (SQLite, down)
-- Hazards:
--   LT: rebuilds table lines: copies every row into a new table
--   DS: changes whether or how lines.total is generated: the column is dropped and added again

PRAGMA foreign_keys = OFF;
BEGIN;

-- LT: rebuilds table lines: copies every row into a new table
-- DS: changes whether or how lines.total is generated: the column is dropped and added again
CREATE TABLE _schemagen_new_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    qty INTEGER NOT NULL,
    price INTEGER NOT NULL,
    total INTEGER GENERATED ALWAYS AS (qty * price) STORED NOT NULL
);
INSERT INTO _schemagen_new_lines (id, qty, price)
    SELECT id, qty, price FROM lines;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_lines';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_lines', seq FROM sqlite_sequence WHERE name = 'lines';
DROP TABLE lines;
ALTER TABLE _schemagen_new_lines RENAME TO lines;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
