-- schemagen migration 0003_tenant_isolation (down, SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards: none.

PRAGMA foreign_keys = OFF;
BEGIN;

-- PostgreSQL-only: the tenant isolation of organization_memberships, projects, repositories, tasks, prompt_templates, event_aggregations, event_subscriptions, learning_models changes; SQLite has no row-level security.

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
