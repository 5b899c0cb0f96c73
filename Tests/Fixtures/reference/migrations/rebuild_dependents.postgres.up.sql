-- rebuild_dependents (PostgreSQL, up)
-- Hazards: none.

BEGIN;

DROP VIEW note_titles;

ALTER TABLE notes ALTER COLUMN title SET DEFAULT 'untitled';

CREATE VIEW note_titles AS
SELECT id, title FROM notes;

COMMIT;
