-- column_auto_update_on (SQLite, up)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TRIGGER trg_projects_updated_at AFTER UPDATE ON projects FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE projects SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
