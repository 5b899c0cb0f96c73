-- search_drop (PostgreSQL, down)
-- Hazards:
--   PG: builds the full-text index of notes while holding a lock that blocks writes

BEGIN;

-- PG: builds the full-text index of notes while holding a lock that blocks writes
CREATE INDEX idx_notes_search ON notes USING gin ((to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(body, ''))));

COMMIT;
