-- schemagen migration 0002_add_project_interfaces (PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   MF: adds check chk_projects_interface_count on projects: fails if existing rows violate it
--   MF: adds check chk_interface_status on projects: fails if existing rows violate it
--   PG: builds index idx_projects_active_interface while holding a lock that blocks writes to projects
--   PG: builds index idx_projects_interface_status while holding a lock that blocks writes to projects

BEGIN;

DROP VIEW active_tasks;

CREATE TYPE project_interface_type AS ENUM ('ide', 'editor', 'terminal', 'browser', 'custom');
COMMENT ON TYPE project_interface_type IS 'Kind of interface a project is worked through (chk_interface_type in the seed).';

CREATE TYPE project_interface_status AS ENUM ('active', 'inactive', 'error', 'connecting');
COMMENT ON TYPE project_interface_status IS 'Connection state of a project interface (chk_interface_status in the seed).';

CREATE TABLE project_interfaces (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    project_id UUID NOT NULL,
    interface_name VARCHAR(255) NOT NULL,
    interface_type project_interface_type NOT NULL,
    interface_subtype VARCHAR(100),
    config JSONB NOT NULL DEFAULT '{}'::jsonb,
    settings JSONB NOT NULL DEFAULT '{}'::jsonb,
    status project_interface_status NOT NULL DEFAULT 'inactive',
    is_default BOOLEAN NOT NULL DEFAULT false,
    priority INTEGER NOT NULL DEFAULT 0,
    connection_config JSONB,
    last_connected TIMESTAMPTZ,
    connection_count INTEGER NOT NULL DEFAULT 0,
    capabilities TEXT[] NOT NULL DEFAULT '{}'::TEXT[],
    supported_operations TEXT[] NOT NULL DEFAULT '{}'::TEXT[],
    metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by TEXT NOT NULL DEFAULT 'me',
    CONSTRAINT pk_project_interfaces PRIMARY KEY (id),
    CONSTRAINT uq_project_interfaces_project_id_interface_name UNIQUE (project_id, interface_name),
    CONSTRAINT chk_project_interfaces_connection_count CHECK (connection_count >= 0),
    CONSTRAINT fk_project_interfaces_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_interfaces_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON UPDATE CASCADE
);
COMMENT ON TABLE project_interfaces IS 'The interfaces (IDEs, editors, terminals, browsers) a project can be driven through.';
COMMENT ON COLUMN project_interfaces.interface_subtype IS 'e.g. cursor or vscode for an ide.';
COMMENT ON COLUMN project_interfaces.is_default IS 'The interface used when none is chosen; at most one per project.';
CREATE FUNCTION project_interfaces_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $schemagen$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$schemagen$;
CREATE TRIGGER trg_project_interfaces_updated_at BEFORE UPDATE ON project_interfaces FOR EACH ROW EXECUTE FUNCTION project_interfaces_touch_updated_at();

CREATE INDEX idx_project_interfaces_project_id ON project_interfaces (project_id);

CREATE INDEX idx_project_interfaces_type ON project_interfaces (interface_type);

CREATE INDEX idx_project_interfaces_status ON project_interfaces (status);

CREATE UNIQUE INDEX idx_project_interfaces_default ON project_interfaces (project_id, is_default) WHERE is_default;

ALTER TABLE projects ADD COLUMN interface_count INTEGER NOT NULL DEFAULT 0;
COMMENT ON COLUMN projects.interface_count IS 'Number of rows in project_interfaces for this project.';

ALTER TABLE projects ADD COLUMN active_interface_id UUID;
COMMENT ON COLUMN projects.active_interface_id IS 'The interface in use (project_interfaces.id); no foreign key, to keep the tables free of a cycle.';

ALTER TABLE projects ADD COLUMN interface_config JSONB;
COMMENT ON COLUMN projects.interface_config IS 'Project-wide interface configuration.';

ALTER TABLE projects ADD COLUMN interface_status VARCHAR(20) NOT NULL DEFAULT 'none';
COMMENT ON COLUMN projects.interface_status IS 'none, single or multiple interfaces.';

ALTER TABLE projects ADD COLUMN last_interface_switch TIMESTAMPTZ;
COMMENT ON COLUMN projects.last_interface_switch IS 'When the active interface last changed.';

-- MF: adds check chk_projects_interface_count on projects: fails if existing rows violate it
ALTER TABLE projects ADD CONSTRAINT chk_projects_interface_count CHECK (interface_count >= 0);

-- MF: adds check chk_interface_status on projects: fails if existing rows violate it
ALTER TABLE projects ADD CONSTRAINT chk_interface_status CHECK (interface_status IN ('none', 'single', 'multiple'));

-- PG: builds index idx_projects_active_interface while holding a lock that blocks writes to projects
CREATE INDEX idx_projects_active_interface ON projects (active_interface_id);

-- PG: builds index idx_projects_interface_status while holding a lock that blocks writes to projects
CREATE INDEX idx_projects_interface_status ON projects (interface_status);

CREATE VIEW active_tasks AS
SELECT t.id, t.project_id, p.name AS project_name, t.parent_task_id, t.title, t.status, t.priority, t.progress, t.assigned_agent, t.due_date, t.created_at, t.updated_at FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.status IN ('pending', 'in_progress', 'blocked', 'review') AND t.deleted_at IS NULL;

COMMIT;
