-- column_widen_generated_commented (PostgreSQL, up)
-- Hazards:
--   PG: changing the type of reviews.rating rewrites the table under an exclusive lock

BEGIN;

-- PG: changing the type of reviews.rating rewrites the table under an exclusive lock
ALTER TABLE reviews DROP COLUMN bumped;
ALTER TABLE reviews DROP COLUMN tripled;
ALTER TABLE reviews ALTER COLUMN rating TYPE INTEGER USING rating::INTEGER;
ALTER TABLE reviews ADD COLUMN bumped BIGINT GENERATED ALWAYS AS (rating * 2) STORED NOT NULL;
COMMENT ON COLUMN reviews.bumped IS 'Twice the rating.';
ALTER TABLE reviews ADD COLUMN tripled BIGINT GENERATED ALWAYS AS (rating * 3) STORED NOT NULL;
COMMENT ON COLUMN reviews.tripled IS 'New.';

COMMENT ON COLUMN reviews.tripled IS 'New.';

COMMIT;
