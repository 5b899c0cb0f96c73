-- column_comment (PostgreSQL, up)
-- Hazards: none.

BEGIN;

COMMENT ON COLUMN projects.name IS 'Shown in the sidebar; it''s unique per owner.';

COMMIT;
