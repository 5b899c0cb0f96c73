-- table_rename (PostgreSQL, up)
-- Hazards:
--   BC: renames table projects to workspaces: code using the old name breaks
--   MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent

BEGIN;

ALTER TABLE tasks DROP CONSTRAINT fk_tasks_project_id;

-- BC: renames table projects to workspaces: code using the old name breaks
ALTER TABLE projects RENAME TO workspaces;

ALTER SEQUENCE projects_id_seq RENAME TO workspaces_id_seq;

ALTER TABLE workspaces RENAME CONSTRAINT pk_projects TO pk_workspaces;

-- MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent
ALTER TABLE tasks ADD CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES workspaces (id) ON DELETE CASCADE;

COMMIT;
