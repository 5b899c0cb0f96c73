-- tenancy_on (PostgreSQL, up)
-- Hazards:
--   BC: turns on tenant isolation for projects: a session sees and writes only rows whose org_id is its app.tenant_id, and none without it

BEGIN;

-- BC: turns on tenant isolation for projects: a session sees and writes only rows whose org_id is its app.tenant_id, and none without it
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_projects ON projects USING (org_id = NULLIF(current_setting('app.tenant_id', true), '')::INTEGER) WITH CHECK (org_id = NULLIF(current_setting('app.tenant_id', true), '')::INTEGER);

COMMIT;
