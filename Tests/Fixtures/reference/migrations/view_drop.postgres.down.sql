-- view_drop (PostgreSQL, down)
-- Hazards: none.

BEGIN;

CREATE VIEW short_names AS
SELECT id FROM project_names WHERE length(name) < 10;

COMMIT;
