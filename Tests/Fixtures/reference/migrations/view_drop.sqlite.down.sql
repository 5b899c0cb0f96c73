-- view_drop (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE VIEW short_names AS
SELECT id FROM project_names WHERE length(name) < 10;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
