-- tenancy_on (PostgreSQL, down)
-- Hazards:
--   DS: removes the tenant isolation of projects: every session sees and writes every tenant's rows, not only those whose org_id is its app.tenant_id

BEGIN;

-- DS: removes the tenant isolation of projects: every session sees and writes every tenant's rows, not only those whose org_id is its app.tenant_id
DROP POLICY tenant_projects ON projects;
ALTER TABLE projects NO FORCE ROW LEVEL SECURITY;
ALTER TABLE projects DISABLE ROW LEVEL SECURITY;

COMMIT;
