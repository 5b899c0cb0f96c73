-- tenancy_column_type (PostgreSQL, up)
-- Hazards:
--   PG: changing the type of projects.org_id rewrites the table under an exclusive lock
--   BC: changes the tenant policy of projects from org_id = app.tenant_id to org_id = acme.org: rows are matched to tenants anew

BEGIN;

DROP POLICY tenant_projects ON projects;

-- PG: changing the type of projects.org_id rewrites the table under an exclusive lock
ALTER TABLE projects ALTER COLUMN org_id TYPE BIGINT USING org_id::BIGINT;

-- BC: changes the tenant policy of projects from org_id = app.tenant_id to org_id = acme.org: rows are matched to tenants anew
CREATE POLICY tenant_projects ON projects USING (org_id = NULLIF(current_setting('acme.org', true), '')::BIGINT) WITH CHECK (org_id = NULLIF(current_setting('acme.org', true), '')::BIGINT);

COMMIT;
