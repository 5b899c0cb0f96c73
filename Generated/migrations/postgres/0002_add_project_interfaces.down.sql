-- schemagen migration 0002_add_project_interfaces (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   DS: drops table project_interfaces and all its rows
--   DS: drops column projects.interface_count and its values
--   DS: drops column projects.active_interface_id and its values
--   DS: drops column projects.interface_config and its values
--   DS: drops column projects.interface_status and its values
--   DS: drops column projects.last_interface_switch and its values
--   BC: drops enum type project_interface_type
--   BC: drops enum type project_interface_status

BEGIN;

DROP VIEW active_tasks;

ALTER TABLE projects DROP CONSTRAINT chk_projects_interface_count;

ALTER TABLE projects DROP CONSTRAINT chk_interface_status;

DROP INDEX idx_projects_active_interface;

DROP INDEX idx_projects_interface_status;

-- DS: drops table project_interfaces and all its rows
DROP TABLE project_interfaces;

DROP FUNCTION project_interfaces_touch_updated_at();

-- DS: drops column projects.interface_count and its values
ALTER TABLE projects DROP COLUMN interface_count;

-- DS: drops column projects.active_interface_id and its values
ALTER TABLE projects DROP COLUMN active_interface_id;

-- DS: drops column projects.interface_config and its values
ALTER TABLE projects DROP COLUMN interface_config;

-- DS: drops column projects.interface_status and its values
ALTER TABLE projects DROP COLUMN interface_status;

-- DS: drops column projects.last_interface_switch and its values
ALTER TABLE projects DROP COLUMN last_interface_switch;

-- BC: drops enum type project_interface_type
DROP TYPE project_interface_type;

-- BC: drops enum type project_interface_status
DROP TYPE project_interface_status;

CREATE VIEW active_tasks AS
SELECT t.id, t.project_id, p.name AS project_name, t.parent_task_id, t.title, t.status, t.priority, t.progress, t.assigned_agent, t.due_date, t.created_at, t.updated_at FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.status IN ('pending', 'in_progress', 'blocked', 'review') AND t.deleted_at IS NULL;

COMMIT;
