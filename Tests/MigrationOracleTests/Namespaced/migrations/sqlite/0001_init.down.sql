-- schemagen migration 0001_init (down, SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: drops view open_tasks
--   DS: drops table projects and all its rows
--   DS: drops table tasks and all its rows

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: drops view open_tasks
DROP VIEW open_tasks;

DROP TABLE projects_fts;

-- DS: drops table projects and all its rows
DROP TABLE projects;

-- DS: drops table tasks and all its rows
DROP TABLE tasks;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
