-- column_drop (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ADD COLUMN description TEXT;

ALTER TABLE projects ADD COLUMN archived BOOLEAN NOT NULL DEFAULT false;

COMMIT;
