-- targets_table_and_index (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE metrics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    payload TEXT NOT NULL CHECK (payload IS NULL OR json_valid(payload))
);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
