-- column_widen_searched (PostgreSQL, up)
-- Hazards:
--   PG: changing the type of notes.title rewrites the table under an exclusive lock

BEGIN;

-- PG: changing the type of notes.title rewrites the table under an exclusive lock
DROP INDEX idx_notes_search;
ALTER TABLE notes ALTER COLUMN title TYPE TEXT USING title::TEXT;
CREATE INDEX idx_notes_search ON notes USING gin ((to_tsvector('english'::regconfig, coalesce(title, ''))));

COMMIT;
