-- extension_add (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

-- PostgreSQL-only: extensions pg_trgm have no SQLite counterpart.

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
