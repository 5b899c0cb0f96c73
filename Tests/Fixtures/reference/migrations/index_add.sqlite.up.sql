-- index_add (SQLite, up)
-- Hazards:
--   MF: adds unique index uq_projects_lower_name on projects: fails if existing rows repeat

PRAGMA foreign_keys = OFF;
BEGIN;

CREATE INDEX idx_projects_name ON projects (name);

-- MF: adds unique index uq_projects_lower_name on projects: fails if existing rows repeat
CREATE UNIQUE INDEX uq_projects_lower_name ON projects ((lower(name)));

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
