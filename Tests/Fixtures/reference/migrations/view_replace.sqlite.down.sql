-- view_replace (SQLite, down)
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

DROP VIEW short_names;

DROP VIEW project_names;

CREATE VIEW project_names AS
SELECT id, name FROM projects;

CREATE VIEW short_names AS
SELECT id FROM project_names WHERE length(name) < 10;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
