-- column_rename_referenced (SQLite, up)
-- Hazards:
--   BC: renames column projects.code to slug: code using the old name breaks
--   LT: rebuilds table projects: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: renames column projects.code to slug: code using the old name breaks
ALTER TABLE projects RENAME COLUMN code TO slug;

-- LT: rebuilds table projects: copies every row into a new table
CREATE TABLE _schemagen_new_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL,
    CONSTRAINT uq_projects_slug UNIQUE (slug)
);
INSERT INTO _schemagen_new_projects (id, slug)
    SELECT id, slug FROM projects;
DELETE FROM sqlite_sequence WHERE name = '_schemagen_new_projects';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schemagen_new_projects', seq FROM sqlite_sequence WHERE name = 'projects';
DROP TABLE projects;
ALTER TABLE _schemagen_new_projects RENAME TO projects;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
