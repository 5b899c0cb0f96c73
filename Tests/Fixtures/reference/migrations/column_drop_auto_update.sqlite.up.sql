-- column_drop_auto_update (SQLite, up)
-- Hazards:
--   DS: drops column projects.updated_at and its values

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER IF EXISTS trg_projects_updated_at;

-- DS: drops column projects.updated_at and its values
ALTER TABLE projects DROP COLUMN updated_at;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
