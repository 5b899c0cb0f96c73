-- tenancy_table_rename (SQLite, up)
-- Hazards:
--   BC: renames table projects to workspaces: code using the old name breaks

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames table projects to workspaces: code using the old name breaks
ALTER TABLE projects RENAME TO workspaces;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
