-- column_comment (PostgreSQL, down)
-- Hazards: none.

BEGIN;

COMMENT ON COLUMN projects.name IS NULL;

COMMIT;
