-- unique_drop (SQLite, down)
-- Hazards:
--   LT: rebuilds table projects: copies every row into a new table
--   MF: adds unique constraint uq_projects_name on projects: fails if existing rows repeat (name)

PRAGMA foreign_keys = OFF;
BEGIN;

-- LT: rebuilds table projects: copies every row into a new table
-- MF: adds unique constraint uq_projects_name on projects: fails if existing rows repeat (name)
CREATE TABLE _schemagen_new_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    CONSTRAINT uq_projects_name UNIQUE (name)
);
INSERT INTO _schemagen_new_projects (id, name)
    SELECT id, name FROM projects;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_projects';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_projects', seq FROM sqlite_sequence WHERE name = 'projects';
DROP TABLE projects;
ALTER TABLE _schemagen_new_projects RENAME TO projects;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
