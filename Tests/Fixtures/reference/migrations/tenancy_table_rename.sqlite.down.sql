-- tenancy_table_rename (SQLite, down)
-- Hazards:
--   BC: renames table workspaces to projects: code using the old name breaks

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames table workspaces to projects: code using the old name breaks
ALTER TABLE workspaces RENAME TO projects;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
