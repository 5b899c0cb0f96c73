-- column_auto_update_on (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER IF EXISTS trg_projects_updated_at;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
