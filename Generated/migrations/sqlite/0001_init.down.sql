-- schemagen migration 0001_init (down, SQLite), from schema.yaml. Do not edit: write a new migration instead.
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

PRAGMA foreign_keys = OFF;
BEGIN;

-- BC: drops view knowledge_growth
DROP VIEW knowledge_growth;

-- BC: drops view index_usage_stats
DROP VIEW index_usage_stats;

-- BC: drops view performance_dashboard
DROP VIEW performance_dashboard;

-- BC: drops view feature_adoption
DROP VIEW feature_adoption;

-- BC: drops view productivity_summary
DROP VIEW productivity_summary;

-- BC: drops view pr_validation_status
DROP VIEW pr_validation_status;

-- BC: drops view task_execution_summary
DROP VIEW task_execution_summary;

-- BC: drops view active_tasks
DROP VIEW active_tasks;

DROP TABLE projects_fts;

DROP TABLE project_templates_fts;

DROP TABLE task_templates_fts;

DROP TABLE tasks_fts;

DROP TABLE pull_requests_fts;

DROP TABLE chat_messages_fts;

DROP TABLE conversations_fts;

DROP TABLE prompt_templates_fts;

DROP TABLE analysis_runs_fts;

DROP TABLE code_elements_fts;

DROP TABLE knowledge_items_fts;

-- DS: drops table organizations and all its rows
DROP TABLE organizations;

-- DS: drops table users and all its rows
DROP TABLE users;

-- DS: drops table organization_memberships and all its rows
DROP TABLE organization_memberships;

-- DS: drops table user_sessions and all its rows
DROP TABLE user_sessions;

-- DS: drops table user_preferences and all its rows
DROP TABLE user_preferences;

-- DS: drops table system_config and all its rows
DROP TABLE system_config;

-- DS: drops table schema_migrations and all its rows
DROP TABLE schema_migrations;

-- DS: drops table projects and all its rows
DROP TABLE projects;

-- DS: drops table repositories and all its rows
DROP TABLE repositories;

-- DS: drops table project_repositories and all its rows
DROP TABLE project_repositories;

-- DS: drops table project_contexts and all its rows
DROP TABLE project_contexts;

-- DS: drops table project_templates and all its rows
DROP TABLE project_templates;

-- DS: drops table ide_configurations and all its rows
DROP TABLE ide_configurations;

-- DS: drops table playwright_configs and all its rows
DROP TABLE playwright_configs;

-- DS: drops table workflows and all its rows
DROP TABLE workflows;

-- DS: drops table workflow_executions and all its rows
DROP TABLE workflow_executions;

-- DS: drops table workflow_type_detection and all its rows
DROP TABLE workflow_type_detection;

-- DS: drops table queue_history and all its rows
DROP TABLE queue_history;

-- DS: drops table task_templates and all its rows
DROP TABLE task_templates;

-- DS: drops table tasks and all its rows
DROP TABLE tasks;

-- DS: drops table task_dependencies and all its rows
DROP TABLE task_dependencies;

-- DS: drops table task_suggestions and all its rows
DROP TABLE task_suggestions;

-- DS: drops table task_sessions and all its rows
DROP TABLE task_sessions;

-- DS: drops table task_executions and all its rows
DROP TABLE task_executions;

-- DS: drops table pull_requests and all its rows
DROP TABLE pull_requests;

-- DS: drops table modifications and all its rows
DROP TABLE modifications;

-- DS: drops table audit_log and all its rows
DROP TABLE audit_log;

-- DS: drops table chat_sessions and all its rows
DROP TABLE chat_sessions;

-- DS: drops table chat_messages and all its rows
DROP TABLE chat_messages;

-- DS: drops table conversations and all its rows
DROP TABLE conversations;

-- DS: drops table prompt_templates and all its rows
DROP TABLE prompt_templates;

-- DS: drops table ai_response_cache and all its rows
DROP TABLE ai_response_cache;

-- DS: drops table prompt_executions and all its rows
DROP TABLE prompt_executions;

-- DS: drops table context_sources and all its rows
DROP TABLE context_sources;

-- DS: drops table codebases and all its rows
DROP TABLE codebases;

-- DS: drops table analysis_runs and all its rows
DROP TABLE analysis_runs;

-- DS: drops table tracked_files and all its rows
DROP TABLE tracked_files;

-- DS: drops table file_analysis and all its rows
DROP TABLE file_analysis;

-- DS: drops table code_elements and all its rows
DROP TABLE code_elements;

-- DS: drops table file_processing_cache and all its rows
DROP TABLE file_processing_cache;

-- DS: drops table analysis_metrics and all its rows
DROP TABLE analysis_metrics;

-- DS: drops table performance_metrics and all its rows
DROP TABLE performance_metrics;

-- DS: drops table query_performance_log and all its rows
DROP TABLE query_performance_log;

-- DS: drops table feature_usage and all its rows
DROP TABLE feature_usage;

-- DS: drops table productivity_events and all its rows
DROP TABLE productivity_events;

-- DS: drops table events and all its rows
DROP TABLE events;

-- DS: drops table event_aggregations and all its rows
DROP TABLE event_aggregations;

-- DS: drops table event_subscriptions and all its rows
DROP TABLE event_subscriptions;

-- DS: drops table learning_models and all its rows
DROP TABLE learning_models;

-- DS: drops table training_sessions and all its rows
DROP TABLE training_sessions;

-- DS: drops table adaptations and all its rows
DROP TABLE adaptations;

-- DS: drops table knowledge_items and all its rows
DROP TABLE knowledge_items;

-- DS: drops table knowledge_relationships and all its rows
DROP TABLE knowledge_relationships;

-- DS: drops table database_connections and all its rows
DROP TABLE database_connections;

-- DS: drops table database_schemas and all its rows
DROP TABLE database_schemas;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
