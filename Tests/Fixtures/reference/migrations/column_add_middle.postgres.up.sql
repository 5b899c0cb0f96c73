-- column_add_middle (PostgreSQL, up)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ADD COLUMN notes TEXT;

COMMIT;
