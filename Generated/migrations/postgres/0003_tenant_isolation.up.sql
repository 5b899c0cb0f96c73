-- schemagen migration 0003_tenant_isolation (PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: turns on tenant isolation for organization_memberships: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
--   BC: turns on tenant isolation for projects: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
--   BC: turns on tenant isolation for repositories: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
--   BC: turns on tenant isolation for tasks: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
--   BC: turns on tenant isolation for prompt_templates: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
--   BC: turns on tenant isolation for event_aggregations: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
--   BC: turns on tenant isolation for event_subscriptions: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
--   BC: turns on tenant isolation for learning_models: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it

BEGIN;

DROP VIEW pr_validation_status;

DROP VIEW active_tasks;

-- BC: turns on tenant isolation for organization_memberships: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE organization_memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization_memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_organization_memberships ON organization_memberships USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

-- BC: turns on tenant isolation for projects: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_projects ON projects USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

-- BC: turns on tenant isolation for repositories: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE repositories ENABLE ROW LEVEL SECURITY;
ALTER TABLE repositories FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_repositories ON repositories USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

-- BC: turns on tenant isolation for tasks: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_tasks ON tasks USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

-- BC: turns on tenant isolation for prompt_templates: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE prompt_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE prompt_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_prompt_templates ON prompt_templates USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

-- BC: turns on tenant isolation for event_aggregations: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE event_aggregations ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_aggregations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_event_aggregations ON event_aggregations USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

-- BC: turns on tenant isolation for event_subscriptions: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE event_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_event_subscriptions ON event_subscriptions USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

-- BC: turns on tenant isolation for learning_models: a session sees and writes only rows whose organization_id is its app.tenant_id, and none without it
ALTER TABLE learning_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE learning_models FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_learning_models ON learning_models USING (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID) WITH CHECK (organization_id = NULLIF(current_setting('app.tenant_id', true), '')::UUID);

CREATE VIEW active_tasks WITH (security_invoker = true) AS
SELECT t.id, t.project_id, p.name AS project_name, t.parent_task_id, t.title, t.status, t.priority, t.progress, t.assigned_agent, t.due_date, t.created_at, t.updated_at FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.status IN ('pending', 'in_progress', 'blocked', 'review') AND t.deleted_at IS NULL;

CREATE VIEW pr_validation_status WITH (security_invoker = true) AS
SELECT pr.id, pr.project_id, pr.task_id, pr.pr_number, pr.title, pr.branch_name, pr.status, pr.checks_passed, pr.validation_results, t.title AS task_title, t.status AS task_status, pr.updated_at FROM pull_requests pr LEFT JOIN tasks t ON t.id = pr.task_id WHERE pr.status IN ('draft', 'open', 'review_requested', 'changes_requested', 'approved');

COMMIT;
