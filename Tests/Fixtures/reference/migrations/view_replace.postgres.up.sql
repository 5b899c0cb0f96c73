-- view_replace (PostgreSQL, up)
-- Hazards: none.

BEGIN;

DROP VIEW short_names;

DROP VIEW project_names;

CREATE VIEW project_names AS
SELECT id, name FROM projects WHERE name <> '';

CREATE VIEW short_names AS
SELECT id FROM project_names WHERE length(name) < 10;

COMMIT;
