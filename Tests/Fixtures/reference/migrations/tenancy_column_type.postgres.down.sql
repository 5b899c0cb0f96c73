-- tenancy_column_type (PostgreSQL, down)
-- Hazards:
--   DS: narrows projects.org_id from bigint to int: values that do not fit are lost or make the migration fail
--   PG: changing the type of projects.org_id rewrites the table under an exclusive lock
--   BC: changes the tenant policy of projects from org_id = acme.org to org_id = app.tenant_id: rows are matched to tenants anew

BEGIN;

DROP POLICY tenant_projects ON projects;

-- DS: narrows projects.org_id from bigint to int: values that do not fit are lost or make the migration fail
-- PG: changing the type of projects.org_id rewrites the table under an exclusive lock
ALTER TABLE projects ALTER COLUMN org_id TYPE INTEGER USING org_id::INTEGER;

-- BC: changes the tenant policy of projects from org_id = acme.org to org_id = app.tenant_id: rows are matched to tenants anew
CREATE POLICY tenant_projects ON projects USING (org_id = NULLIF(current_setting('app.tenant_id', true), '')::INTEGER) WITH CHECK (org_id = NULLIF(current_setting('app.tenant_id', true), '')::INTEGER);

COMMIT;
