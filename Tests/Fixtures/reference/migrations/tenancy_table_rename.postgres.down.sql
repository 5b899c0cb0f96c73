-- tenancy_table_rename (PostgreSQL, down)
-- Hazards:
--   BC: renames table workspaces to projects: code using the old name breaks

BEGIN;

-- BC: renames table workspaces to projects: code using the old name breaks
ALTER TABLE workspaces RENAME TO projects;
ALTER SEQUENCE workspaces_id_seq RENAME TO projects_id_seq;
ALTER POLICY tenant_workspaces ON projects RENAME TO tenant_projects;

ALTER TABLE projects RENAME CONSTRAINT pk_workspaces TO pk_projects;

COMMIT;
