-- table_comment (PostgreSQL, up)
-- Hazards: none.

BEGIN;

COMMENT ON TABLE projects IS 'Every project of the organisation.';

COMMIT;
