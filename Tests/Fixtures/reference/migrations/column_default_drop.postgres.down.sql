-- column_default_drop (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ALTER COLUMN name SET DEFAULT 'untitled';

COMMIT;
