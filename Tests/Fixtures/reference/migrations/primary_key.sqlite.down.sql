-- primary_key (SQLite, down)
-- Hazards:
--   LT: rebuilds table memberships: copies every row into a new table
--   MF: sets the primary key of memberships to (org_id): fails if existing rows repeat

PRAGMA foreign_keys = OFF;
BEGIN;

-- LT: rebuilds table memberships: copies every row into a new table
-- MF: sets the primary key of memberships to (org_id): fails if existing rows repeat
CREATE TABLE _schemagen_new_memberships (
    org_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (org_id)
);
INSERT INTO _schemagen_new_memberships (rowid, org_id, user_id, role)
    SELECT rowid, org_id, user_id, role FROM memberships;
DROP TABLE memberships;
ALTER TABLE _schemagen_new_memberships RENAME TO memberships;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
