-- column_auto_update_off (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP TRIGGER IF EXISTS trg_projects_updated_at;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
