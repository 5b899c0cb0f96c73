-- rebuild_dependents (PostgreSQL, down)
-- Hazards: none.

BEGIN;

DROP VIEW note_titles;

ALTER TABLE notes ALTER COLUMN title DROP DEFAULT;

CREATE VIEW note_titles AS
SELECT id, title FROM notes;

COMMIT;
