-- schemagen migration 0002_add_project_interfaces (SQLite), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   LT: rebuilds table projects: copies every row into a new table
--   MF: adds check chk_projects_interface_count on projects: fails if existing rows violate it
--   MF: adds check chk_interface_status on projects: fails if existing rows violate it

PRAGMA foreign_keys = OFF;
BEGIN;

DROP VIEW active_tasks;

DROP TRIGGER IF EXISTS trg_projects_updated_at;

DROP TRIGGER IF EXISTS projects_fts_ai;

DROP TRIGGER IF EXISTS projects_fts_ad;

DROP TRIGGER IF EXISTS projects_fts_au;

DROP TABLE projects_fts;

-- The interfaces (IDEs, editors, terminals, browsers) a project can be driven through.
CREATE TABLE project_interfaces (
    id TEXT NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    project_id TEXT NOT NULL,
    interface_name TEXT NOT NULL,
    interface_type TEXT NOT NULL CHECK (interface_type IN ('ide', 'editor', 'terminal', 'browser', 'custom')),
    -- e.g. cursor or vscode for an ide.
    interface_subtype TEXT,
    config TEXT NOT NULL DEFAULT '{}' CHECK (config IS NULL OR json_valid(config)),
    settings TEXT NOT NULL DEFAULT '{}' CHECK (settings IS NULL OR json_valid(settings)),
    status TEXT NOT NULL DEFAULT 'inactive' CHECK (status IN ('active', 'inactive', 'error', 'connecting')),
    -- The interface used when none is chosen; at most one per project.
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    priority INTEGER NOT NULL DEFAULT 0,
    connection_config TEXT CHECK (connection_config IS NULL OR json_valid(connection_config)),
    last_connected TEXT,
    connection_count INTEGER NOT NULL DEFAULT 0,
    capabilities TEXT NOT NULL DEFAULT '[]' CHECK (capabilities IS NULL OR CASE WHEN json_valid(capabilities) THEN json_type(capabilities) = 'array' ELSE 0 END),
    supported_operations TEXT NOT NULL DEFAULT '[]' CHECK (supported_operations IS NULL OR CASE WHEN json_valid(supported_operations) THEN json_type(supported_operations) = 'array' ELSE 0 END),
    metadata TEXT NOT NULL DEFAULT '{}' CHECK (metadata IS NULL OR json_valid(metadata)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    created_by TEXT NOT NULL DEFAULT 'me',
    CONSTRAINT pk_project_interfaces PRIMARY KEY (id),
    CONSTRAINT uq_project_interfaces_project_id_interface_name UNIQUE (project_id, interface_name),
    CONSTRAINT chk_project_interfaces_connection_count CHECK (connection_count >= 0),
    CONSTRAINT fk_project_interfaces_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_interfaces_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON UPDATE CASCADE
);

-- LT: rebuilds table projects: copies every row into a new table
-- MF: adds check chk_projects_interface_count on projects: fails if existing rows violate it
-- MF: adds check chk_interface_status on projects: fails if existing rows violate it
-- Projects: PIDEA workspaces, graph-sitter tenant projects, the workflow system's repository-backed projects and the Agentic AI project contexts (whose identity columns name/type/status/owner live here).
CREATE TABLE _schemagen_new_projects (
    id TEXT NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    organization_id TEXT,
    owner_id TEXT NOT NULL DEFAULT 'me',
    name TEXT NOT NULL,
    description TEXT,
    -- Kind of project: api, web_app, cli, library ...
    project_type TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived', 'deleted')),
    -- Local workspace directory (PIDEA).
    workspace_path TEXT,
    repository_url TEXT,
    repository_name TEXT,
    default_branch TEXT NOT NULL DEFAULT 'main',
    -- Project configuration (PIDEA config and workflow-system settings).
    settings TEXT NOT NULL DEFAULT '{}' CHECK (settings IS NULL OR json_valid(settings)),
    metadata TEXT NOT NULL DEFAULT '{}' CHECK (metadata IS NULL OR json_valid(metadata)),
    -- Number of rows in project_interfaces for this project.
    interface_count INTEGER NOT NULL DEFAULT 0,
    -- The interface in use (project_interfaces.id); no foreign key, to keep the tables free of a cycle.
    active_interface_id TEXT,
    -- Project-wide interface configuration.
    interface_config TEXT CHECK (interface_config IS NULL OR json_valid(interface_config)),
    -- none, single or multiple interfaces.
    interface_status TEXT NOT NULL DEFAULT 'none',
    -- When the active interface last changed.
    last_interface_switch TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    archived_at TEXT,
    CONSTRAINT pk_projects PRIMARY KEY (id),
    CONSTRAINT uq_projects_workspace_path UNIQUE (workspace_path),
    CONSTRAINT uq_projects_owner_id_name UNIQUE (owner_id, name),
    CONSTRAINT chk_projects_interface_count CHECK (interface_count >= 0),
    CONSTRAINT chk_projects_name_not_blank CHECK (length(trim(name)) > 0),
    CONSTRAINT chk_projects_archived CHECK (status <> 'archived' OR archived_at IS NOT NULL),
    CONSTRAINT chk_interface_status CHECK (interface_status IN ('none', 'single', 'multiple')),
    CONSTRAINT fk_projects_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE SET NULL,
    CONSTRAINT fk_projects_owner_id FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO _schemagen_new_projects (rowid, id, organization_id, owner_id, name, description, project_type, status, workspace_path, repository_url, repository_name, default_branch, settings, metadata, created_at, updated_at, archived_at)
    SELECT rowid, id, organization_id, owner_id, name, description, project_type, status, workspace_path, repository_url, repository_name, default_branch, settings, metadata, created_at, updated_at, archived_at FROM projects;
DROP TABLE projects;
ALTER TABLE _schemagen_new_projects RENAME TO projects;

CREATE INDEX idx_projects_organization_id ON projects (organization_id);

CREATE INDEX idx_projects_owner_id_status ON projects (owner_id, status);

CREATE INDEX idx_projects_project_type ON projects (project_type);

CREATE INDEX idx_active_projects ON projects (status) WHERE archived_at IS NULL;

CREATE INDEX idx_projects_created_at ON projects (created_at DESC);

-- PostgreSQL-only: index idx_projects_settings uses gin; not created on SQLite.

CREATE INDEX idx_projects_active_interface ON projects (active_interface_id);

CREATE INDEX idx_projects_interface_status ON projects (interface_status);

CREATE VIRTUAL TABLE projects_fts USING fts5("name", "description", content='projects', content_rowid='rowid');

CREATE TRIGGER projects_fts_ai AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts (rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;

CREATE TRIGGER projects_fts_ad AFTER DELETE ON projects BEGIN
    INSERT INTO projects_fts (projects_fts, rowid, name, description) VALUES ('delete', old.rowid, old.name, old.description);
END;

CREATE TRIGGER projects_fts_au AFTER UPDATE ON projects BEGIN
    INSERT INTO projects_fts (projects_fts, rowid, name, description) VALUES ('delete', old.rowid, old.name, old.description);
    INSERT INTO projects_fts (rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;

INSERT INTO projects_fts (projects_fts) VALUES ('rebuild');

CREATE TRIGGER trg_projects_updated_at AFTER UPDATE ON projects FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE projects SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

CREATE INDEX idx_project_interfaces_project_id ON project_interfaces (project_id);

CREATE INDEX idx_project_interfaces_type ON project_interfaces (interface_type);

CREATE INDEX idx_project_interfaces_status ON project_interfaces (status);

CREATE UNIQUE INDEX idx_project_interfaces_default ON project_interfaces (project_id, is_default) WHERE is_default;

CREATE TRIGGER trg_project_interfaces_updated_at AFTER UPDATE ON project_interfaces FOR EACH ROW WHEN new.updated_at IS old.updated_at BEGIN
    UPDATE project_interfaces SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = new.rowid;
END;

CREATE VIEW active_tasks AS
SELECT t.id, t.project_id, p.name AS project_name, t.parent_task_id, t.title, t.status, t.priority, t.progress, t.assigned_agent, t.due_date, t.created_at, t.updated_at FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.status IN ('pending', 'in_progress', 'blocked', 'review') AND t.deleted_at IS NULL;

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
