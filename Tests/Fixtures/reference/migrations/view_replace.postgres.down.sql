-- view_replace (PostgreSQL, down)
-- Hazards: none.

BEGIN;

DROP VIEW short_names;

DROP VIEW project_names;

CREATE VIEW project_names AS
SELECT id, name FROM projects;

CREATE VIEW short_names AS
SELECT id FROM project_names WHERE length(name) < 10;

COMMIT;
