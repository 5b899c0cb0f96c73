-- primary_key (PostgreSQL, down)
-- Hazards:
--   MF: sets the primary key of memberships to (org_id): fails if existing rows repeat

BEGIN;

ALTER TABLE memberships DROP CONSTRAINT pk_memberships;

-- MF: sets the primary key of memberships to (org_id): fails if existing rows repeat
ALTER TABLE memberships ADD CONSTRAINT pk_memberships PRIMARY KEY (org_id);

COMMIT;
