-- enum_create (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done'))
);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
