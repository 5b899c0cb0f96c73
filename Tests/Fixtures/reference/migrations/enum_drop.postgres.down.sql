-- enum_drop (PostgreSQL, down)
-- Hazards: none.

BEGIN;

CREATE TYPE task_status AS ENUM ('pending', 'done');

ALTER TABLE tasks ADD COLUMN status task_status NOT NULL DEFAULT 'pending';

COMMIT;
