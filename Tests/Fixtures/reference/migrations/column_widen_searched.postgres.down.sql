-- column_widen_searched (PostgreSQL, down)
-- Hazards:
--   DS: narrows notes.title from text to string(80): values that do not fit are lost or make the migration fail
--   PG: changing the type of notes.title rewrites the table under an exclusive lock

BEGIN;

-- DS: narrows notes.title from text to string(80): values that do not fit are lost or make the migration fail
-- PG: changing the type of notes.title rewrites the table under an exclusive lock
DROP INDEX idx_notes_search;
ALTER TABLE notes ALTER COLUMN title TYPE VARCHAR(80) USING title;
CREATE INDEX idx_notes_search ON notes USING gin ((to_tsvector('english'::regconfig, coalesce(title, ''))));

COMMIT;
