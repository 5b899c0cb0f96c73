-- column_drop_not_null (SQLite, up)
-- Hazards:
--   LT: rebuilds table projects: copies every row into a new table

PRAGMA foreign_keys = OFF;
BEGIN;

-- LT: rebuilds table projects: copies every row into a new table
CREATE TABLE _schemagen_new_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT
);
INSERT INTO _schemagen_new_projects (id, name)
    SELECT id, name FROM projects;
DROP TABLE projects;
ALTER TABLE _schemagen_new_projects RENAME TO projects;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
