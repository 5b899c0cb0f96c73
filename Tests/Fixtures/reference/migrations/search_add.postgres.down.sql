-- search_add (PostgreSQL, down)
-- Hazards: none.

BEGIN;

DROP INDEX idx_notes_search;

COMMIT;
