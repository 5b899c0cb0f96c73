-- tenancy_table_rename (PostgreSQL, up)
-- Hazards:
--   BC: renames table projects to workspaces: code using the old name breaks

BEGIN;

-- BC: renames table projects to workspaces: code using the old name breaks
ALTER TABLE projects RENAME TO workspaces;
ALTER SEQUENCE projects_id_seq RENAME TO workspaces_id_seq;
ALTER POLICY tenant_projects ON workspaces RENAME TO tenant_workspaces;

ALTER TABLE workspaces RENAME CONSTRAINT pk_projects TO pk_workspaces;

COMMIT;
