-- column_rename_referenced (SQLite, down)
-- Hazards:
--   BC: renames column projects.slug to code: code using the old name breaks
--   LT: rebuilds table projects: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames column projects.slug to code: code using the old name breaks
ALTER TABLE projects RENAME COLUMN slug TO code;

-- LT: rebuilds table projects: copies every row into a new table
CREATE TABLE _schemagen_new_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    CONSTRAINT uq_projects_code UNIQUE (code)
);
INSERT INTO _schemagen_new_projects (id, code)
    SELECT id, code FROM projects;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_projects';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_projects', seq FROM sqlite_sequence WHERE name = 'projects';
DROP TABLE projects;
ALTER TABLE _schemagen_new_projects RENAME TO projects;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
