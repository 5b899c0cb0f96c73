-- column_widen_generated (PostgreSQL, down)
-- Hazards:
--   DS: narrows reviews.rating from int to smallint: values that do not fit are lost or make the migration fail
--   PG: changing the type of reviews.rating rewrites the table under an exclusive lock

BEGIN;

-- DS: narrows reviews.rating from int to smallint: values that do not fit are lost or make the migration fail
-- PG: changing the type of reviews.rating rewrites the table under an exclusive lock
DROP INDEX idx_reviews_bumped;
ALTER TABLE reviews DROP COLUMN bumped;
ALTER TABLE reviews ALTER COLUMN rating TYPE SMALLINT USING rating::SMALLINT;
ALTER TABLE reviews ADD COLUMN bumped BIGINT GENERATED ALWAYS AS (rating * 2) STORED NOT NULL;
CREATE INDEX idx_reviews_bumped ON reviews (bumped);

COMMIT;
