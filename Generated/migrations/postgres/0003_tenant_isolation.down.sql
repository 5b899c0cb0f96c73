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

DROP VIEW pr_validation_status;

DROP VIEW active_tasks;

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

CREATE VIEW active_tasks AS
SELECT t.id, t.project_id, p.name AS project_name, t.parent_task_id, t.title, t.status, t.priority, t.progress, t.assigned_agent, t.due_date, t.created_at, t.updated_at FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.status IN ('pending', 'in_progress', 'blocked', 'review') AND t.deleted_at IS NULL;

CREATE VIEW pr_validation_status AS
SELECT pr.id, pr.project_id, pr.task_id, pr.pr_number, pr.title, pr.branch_name, pr.status, pr.checks_passed, pr.validation_results, t.title AS task_title, t.status AS task_status, pr.updated_at FROM pull_requests pr LEFT JOIN tasks t ON t.id = pr.task_id WHERE pr.status IN ('draft', 'open', 'review_requested', 'changes_requested', 'approved');

COMMIT;
