-- schemagen migration 0003_tenant_isolation (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   DS: removes the tenant isolation of organization_memberships: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
--   DS: removes the tenant isolation of projects: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
--   DS: removes the tenant isolation of repositories: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
--   DS: removes the tenant isolation of tasks: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
--   DS: removes the tenant isolation of prompt_templates: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
--   DS: removes the tenant isolation of event_aggregations: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
--   DS: removes the tenant isolation of event_subscriptions: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
--   DS: removes the tenant isolation of learning_models: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id

BEGIN;

-- DS: removes the tenant isolation of organization_memberships: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_organization_memberships ON organization_memberships;
ALTER TABLE organization_memberships NO FORCE ROW LEVEL SECURITY;
ALTER TABLE organization_memberships DISABLE ROW LEVEL SECURITY;

-- DS: removes the tenant isolation of projects: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_projects ON projects;
ALTER TABLE projects NO FORCE ROW LEVEL SECURITY;
ALTER TABLE projects DISABLE ROW LEVEL SECURITY;

-- DS: removes the tenant isolation of repositories: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_repositories ON repositories;
ALTER TABLE repositories NO FORCE ROW LEVEL SECURITY;
ALTER TABLE repositories DISABLE ROW LEVEL SECURITY;

-- DS: removes the tenant isolation of tasks: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_tasks ON tasks;
ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tasks DISABLE ROW LEVEL SECURITY;

-- DS: removes the tenant isolation of prompt_templates: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_prompt_templates ON prompt_templates;
ALTER TABLE prompt_templates NO FORCE ROW LEVEL SECURITY;
ALTER TABLE prompt_templates DISABLE ROW LEVEL SECURITY;

-- DS: removes the tenant isolation of event_aggregations: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_event_aggregations ON event_aggregations;
ALTER TABLE event_aggregations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE event_aggregations DISABLE ROW LEVEL SECURITY;

-- DS: removes the tenant isolation of event_subscriptions: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_event_subscriptions ON event_subscriptions;
ALTER TABLE event_subscriptions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE event_subscriptions DISABLE ROW LEVEL SECURITY;

-- DS: removes the tenant isolation of learning_models: every session sees and writes every tenant's rows, not only those whose organization_id is its app.tenant_id
DROP POLICY tenant_learning_models ON learning_models;
ALTER TABLE learning_models NO FORCE ROW LEVEL SECURITY;
ALTER TABLE learning_models DISABLE ROW LEVEL SECURITY;

COMMIT;
