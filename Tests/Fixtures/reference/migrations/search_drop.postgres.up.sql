-- search_drop (PostgreSQL, up)
-- Hazards: none.

BEGIN;

DROP INDEX idx_notes_search;

COMMIT;
