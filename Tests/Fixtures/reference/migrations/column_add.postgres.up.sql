-- column_add (PostgreSQL, up)
-- Hazards:
--   MF: adds NOT NULL column projects.owner without a default: fails if the table has rows

BEGIN;

ALTER TABLE projects ADD COLUMN description TEXT;
COMMENT ON COLUMN projects.description IS 'Free text.';

ALTER TABLE projects ADD COLUMN archived BOOLEAN NOT NULL DEFAULT false;

-- MF: adds NOT NULL column projects.owner without a default: fails if the table has rows
ALTER TABLE projects ADD COLUMN owner TEXT NOT NULL;

COMMIT;
