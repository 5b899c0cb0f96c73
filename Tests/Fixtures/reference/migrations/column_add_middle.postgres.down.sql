-- column_add_middle (PostgreSQL, down)
-- Hazards:
--   DS: drops column projects.notes and its values

BEGIN;

-- DS: drops column projects.notes and its values
ALTER TABLE projects DROP COLUMN notes;

COMMIT;
