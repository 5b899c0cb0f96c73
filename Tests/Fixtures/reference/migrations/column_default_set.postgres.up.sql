-- column_default_set (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ALTER COLUMN name SET DEFAULT 'untitled';

COMMIT;
