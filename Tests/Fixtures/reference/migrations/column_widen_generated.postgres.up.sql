-- column_widen_generated (PostgreSQL, up)
-- Hazards:
--   PG: changing the type of reviews.rating rewrites the table under an exclusive lock

BEGIN;

-- PG: changing the type of reviews.rating rewrites the table under an exclusive lock
DROP INDEX idx_reviews_bumped;
ALTER TABLE reviews DROP COLUMN bumped;
ALTER TABLE reviews ALTER COLUMN rating TYPE INTEGER USING rating::INTEGER;
ALTER TABLE reviews ADD COLUMN bumped BIGINT GENERATED ALWAYS AS (rating * 2) STORED NOT NULL;
CREATE INDEX idx_reviews_bumped ON reviews (bumped);

COMMIT;
