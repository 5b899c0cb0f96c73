-- schemagen migration 0001_init (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: drops view knowledge_growth
--   BC: drops view index_usage_stats
--   BC: drops view performance_dashboard
--   BC: drops view feature_adoption
--   BC: drops view productivity_summary
--   BC: drops view pr_validation_status
--   BC: drops view task_execution_summary
--   BC: drops view active_tasks
--   DS: drops table organizations and all its rows
--   DS: drops table users and all its rows
--   DS: drops table organization_memberships and all its rows
--   DS: drops table user_sessions and all its rows
--   DS: drops table user_preferences and all its rows
--   DS: drops table system_config and all its rows
--   DS: drops table schema_migrations and all its rows
--   DS: drops table projects and all its rows
--   DS: drops table repositories and all its rows
--   DS: drops table project_repositories and all its rows
--   DS: drops table project_contexts and all its rows
--   DS: drops table project_templates and all its rows
--   DS: drops table ide_configurations and all its rows
--   DS: drops table playwright_configs and all its rows
--   DS: drops table workflows and all its rows
--   DS: drops table workflow_executions and all its rows
--   DS: drops table workflow_type_detection and all its rows
--   DS: drops table queue_history and all its rows
--   DS: drops table task_templates and all its rows
--   DS: drops table tasks and all its rows
--   DS: drops table task_dependencies and all its rows
--   DS: drops table task_suggestions and all its rows
--   DS: drops table task_sessions and all its rows
--   DS: drops table task_executions and all its rows
--   DS: drops table pull_requests and all its rows
--   DS: drops table modifications and all its rows
--   DS: drops table audit_log and all its rows
--   DS: drops table chat_sessions and all its rows
--   DS: drops table chat_messages and all its rows
--   DS: drops table conversations and all its rows
--   DS: drops table prompt_templates and all its rows
--   DS: drops table ai_response_cache and all its rows
--   DS: drops table prompt_executions and all its rows
--   DS: drops table context_sources and all its rows
--   DS: drops table codebases and all its rows
--   DS: drops table analysis_runs and all its rows
--   DS: drops table tracked_files and all its rows
--   DS: drops table file_analysis and all its rows
--   DS: drops table code_elements and all its rows
--   DS: drops table file_processing_cache and all its rows
--   DS: drops table analysis_metrics and all its rows
--   DS: drops table performance_metrics and all its rows
--   DS: drops table query_performance_log and all its rows
--   DS: drops table feature_usage and all its rows
--   DS: drops table productivity_events and all its rows
--   DS: drops table events and all its rows
--   DS: drops table event_aggregations and all its rows
--   DS: drops table event_subscriptions and all its rows
--   DS: drops table learning_models and all its rows
--   DS: drops table training_sessions and all its rows
--   DS: drops table adaptations and all its rows
--   DS: drops table knowledge_items and all its rows
--   DS: drops table knowledge_relationships and all its rows
--   DS: drops table database_connections and all its rows
--   DS: drops table database_schemas and all its rows
--   BC: drops enum type user_role
--   BC: drops enum type preference_category
--   BC: drops enum type project_status
--   BC: drops enum type project_template_category
--   BC: drops enum type template_complexity
--   BC: drops enum type ide_type
--   BC: drops enum type execution_status
--   BC: drops enum type task_status
--   BC: drops enum type agent_type
--   BC: drops enum type dependency_type
--   BC: drops enum type suggestion_status
--   BC: drops enum type pr_status
--   BC: drops enum type modification_status
--   BC: drops enum type chat_role
--   BC: drops enum type chat_session_status
--   BC: drops enum type context_source_type
--   BC: drops enum type parsing_status
--   BC: drops enum type processing_type
--   BC: drops enum type code_element_kind
--   BC: drops enum type feature_category
--   BC: drops enum type event_source
--   BC: drops enum type learning_model_status
--   BC: drops enum type adaptation_status
--   BC: drops enum type knowledge_source_type
--   BC: drops enum type knowledge_type
--   BC: drops enum type knowledge_relationship_type
--   BC: drops enum type db_connection_type
--   BC: drops enum type db_auth_type
--   BC: drops enum type db_object_type

BEGIN;

-- sql: database_health_check (down)
DROP FUNCTION database_health_check();

-- BC: drops view knowledge_growth
DROP VIEW knowledge_growth;

-- BC: drops view index_usage_stats
DROP VIEW index_usage_stats;

-- BC: drops view performance_dashboard
DROP VIEW performance_dashboard;

-- BC: drops view feature_adoption
DROP VIEW feature_adoption;

-- BC: drops view productivity_summary
DROP MATERIALIZED VIEW productivity_summary;

-- BC: drops view pr_validation_status
DROP VIEW pr_validation_status;

-- BC: drops view task_execution_summary
DROP VIEW task_execution_summary;

-- BC: drops view active_tasks
DROP VIEW active_tasks;

-- DS: drops table organizations and all its rows
-- DS: drops table users and all its rows
-- DS: drops table organization_memberships and all its rows
-- DS: drops table user_sessions and all its rows
-- DS: drops table user_preferences and all its rows
-- DS: drops table system_config and all its rows
-- DS: drops table schema_migrations and all its rows
-- DS: drops table projects and all its rows
-- DS: drops table repositories and all its rows
-- DS: drops table project_repositories and all its rows
-- DS: drops table project_contexts and all its rows
-- DS: drops table project_templates and all its rows
-- DS: drops table ide_configurations and all its rows
-- DS: drops table playwright_configs and all its rows
-- DS: drops table workflows and all its rows
-- DS: drops table workflow_executions and all its rows
-- DS: drops table workflow_type_detection and all its rows
-- DS: drops table queue_history and all its rows
-- DS: drops table task_templates and all its rows
-- DS: drops table tasks and all its rows
-- DS: drops table task_dependencies and all its rows
-- DS: drops table task_suggestions and all its rows
-- DS: drops table task_sessions and all its rows
-- DS: drops table task_executions and all its rows
-- DS: drops table pull_requests and all its rows
-- DS: drops table modifications and all its rows
-- DS: drops table audit_log and all its rows
-- DS: drops table chat_sessions and all its rows
-- DS: drops table chat_messages and all its rows
-- DS: drops table conversations and all its rows
-- DS: drops table prompt_templates and all its rows
-- DS: drops table ai_response_cache and all its rows
-- DS: drops table prompt_executions and all its rows
-- DS: drops table context_sources and all its rows
-- DS: drops table codebases and all its rows
-- DS: drops table analysis_runs and all its rows
-- DS: drops table tracked_files and all its rows
-- DS: drops table file_analysis and all its rows
-- DS: drops table code_elements and all its rows
-- DS: drops table file_processing_cache and all its rows
-- DS: drops table analysis_metrics and all its rows
-- DS: drops table performance_metrics and all its rows
-- DS: drops table query_performance_log and all its rows
-- DS: drops table feature_usage and all its rows
-- DS: drops table productivity_events and all its rows
-- DS: drops table events and all its rows
-- DS: drops table event_aggregations and all its rows
-- DS: drops table event_subscriptions and all its rows
-- DS: drops table learning_models and all its rows
-- DS: drops table training_sessions and all its rows
-- DS: drops table adaptations and all its rows
-- DS: drops table knowledge_items and all its rows
-- DS: drops table knowledge_relationships and all its rows
-- DS: drops table database_connections and all its rows
-- DS: drops table database_schemas and all its rows
DROP TABLE organizations, users, organization_memberships, user_sessions, user_preferences, system_config, schema_migrations, projects, repositories, project_repositories, project_contexts, project_templates, ide_configurations, playwright_configs, workflows, workflow_executions, workflow_type_detection, queue_history, task_templates, tasks, task_dependencies, task_suggestions, task_sessions, task_executions, pull_requests, modifications, audit_log, chat_sessions, chat_messages, conversations, prompt_templates, ai_response_cache, prompt_executions, context_sources, codebases, analysis_runs, tracked_files, file_analysis, code_elements, file_processing_cache, analysis_metrics, performance_metrics, query_performance_log, feature_usage, productivity_events, events, event_aggregations, event_subscriptions, learning_models, training_sessions, adaptations, knowledge_items, knowledge_relationships, database_connections, database_schemas;

DROP FUNCTION organizations_touch_updated_at();

DROP FUNCTION users_touch_updated_at();

DROP FUNCTION user_sessions_touch_updated_at();

DROP FUNCTION user_preferences_touch_updated_at();

DROP FUNCTION system_config_touch_updated_at();

DROP FUNCTION projects_touch_updated_at();

DROP FUNCTION repositories_touch_updated_at();

DROP FUNCTION project_contexts_touch_updated_at();

DROP FUNCTION project_templates_touch_updated_at();

DROP FUNCTION ide_configurations_touch_updated_at();

DROP FUNCTION playwright_configs_touch_updated_at();

DROP FUNCTION workflows_touch_updated_at();

DROP FUNCTION task_templates_touch_updated_at();

DROP FUNCTION tasks_touch_updated_at();

DROP FUNCTION task_sessions_touch_updated_at();

DROP FUNCTION pull_requests_touch_updated_at();

DROP FUNCTION chat_sessions_touch_updated_at();

DROP FUNCTION prompt_templates_touch_updated_at();

DROP FUNCTION context_sources_touch_updated_at();

DROP FUNCTION codebases_touch_updated_at();

DROP FUNCTION tracked_files_touch_updated_at();

DROP FUNCTION event_subscriptions_touch_updated_at();

DROP FUNCTION learning_models_touch_updated_at();

DROP FUNCTION knowledge_items_touch_updated_at();

DROP FUNCTION database_connections_touch_updated_at();

-- BC: drops enum type user_role
DROP TYPE user_role;

-- BC: drops enum type preference_category
DROP TYPE preference_category;

-- BC: drops enum type project_status
DROP TYPE project_status;

-- BC: drops enum type project_template_category
DROP TYPE project_template_category;

-- BC: drops enum type template_complexity
DROP TYPE template_complexity;

-- BC: drops enum type ide_type
DROP TYPE ide_type;

-- BC: drops enum type execution_status
DROP TYPE execution_status;

-- BC: drops enum type task_status
DROP TYPE task_status;

-- BC: drops enum type agent_type
DROP TYPE agent_type;

-- BC: drops enum type dependency_type
DROP TYPE dependency_type;

-- BC: drops enum type suggestion_status
DROP TYPE suggestion_status;

-- BC: drops enum type pr_status
DROP TYPE pr_status;

-- BC: drops enum type modification_status
DROP TYPE modification_status;

-- BC: drops enum type chat_role
DROP TYPE chat_role;

-- BC: drops enum type chat_session_status
DROP TYPE chat_session_status;

-- BC: drops enum type context_source_type
DROP TYPE context_source_type;

-- BC: drops enum type parsing_status
DROP TYPE parsing_status;

-- BC: drops enum type processing_type
DROP TYPE processing_type;

-- BC: drops enum type code_element_kind
DROP TYPE code_element_kind;

-- BC: drops enum type feature_category
DROP TYPE feature_category;

-- BC: drops enum type event_source
DROP TYPE event_source;

-- BC: drops enum type learning_model_status
DROP TYPE learning_model_status;

-- BC: drops enum type adaptation_status
DROP TYPE adaptation_status;

-- BC: drops enum type knowledge_source_type
DROP TYPE knowledge_source_type;

-- BC: drops enum type knowledge_type
DROP TYPE knowledge_type;

-- BC: drops enum type knowledge_relationship_type
DROP TYPE knowledge_relationship_type;

-- BC: drops enum type db_connection_type
DROP TYPE db_connection_type;

-- BC: drops enum type db_auth_type
DROP TYPE db_auth_type;

-- BC: drops enum type db_object_type
DROP TYPE db_object_type;

COMMIT;
