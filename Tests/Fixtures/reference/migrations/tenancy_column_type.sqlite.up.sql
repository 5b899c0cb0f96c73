-- tenancy_column_type (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

-- PostgreSQL-only: the tenant isolation of projects changes; SQLite has no row-level security.

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
