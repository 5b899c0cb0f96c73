-- table_rename (PostgreSQL, down)
-- Hazards:
--   BC: renames table workspaces to projects: code using the old name breaks
--   MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent

BEGIN;

ALTER TABLE tasks DROP CONSTRAINT fk_tasks_project_id;

-- BC: renames table workspaces to projects: code using the old name breaks
ALTER TABLE workspaces RENAME TO projects;

ALTER SEQUENCE workspaces_id_seq RENAME TO projects_id_seq;

ALTER TABLE projects RENAME CONSTRAINT pk_workspaces TO pk_projects;

-- MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent
ALTER TABLE tasks ADD CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE;

COMMIT;
