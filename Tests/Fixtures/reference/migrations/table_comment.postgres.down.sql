-- table_comment (PostgreSQL, down)
-- Hazards: none.

BEGIN;

COMMENT ON TABLE projects IS NULL;

COMMIT;
