-- view_create (PostgreSQL, up)
-- Hazards: none.

BEGIN;

CREATE VIEW project_names AS
SELECT id, name FROM projects;

CREATE VIEW short_names AS
SELECT id FROM project_names WHERE length(name) < 10;

COMMIT;
