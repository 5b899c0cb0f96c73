-- schemagen migration 0003_rename (PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: renames table tasks to work_items: code using the old name breaks
--   BC: renames column work_items.title to summary: code using the old name breaks
--   DS: drops column projects.touched_at and its values

SET search_path TO "Agentic Ops";

BEGIN;

DROP VIEW open_tasks;

DROP TRIGGER trg_projects_touched_at ON projects;
DROP FUNCTION projects_touch_touched_at();

-- BC: renames table tasks to work_items: code using the old name breaks
ALTER TABLE tasks RENAME TO work_items;
ALTER SEQUENCE tasks_id_seq RENAME TO work_items_id_seq;

-- BC: renames column work_items.title to summary: code using the old name breaks
ALTER TABLE work_items RENAME COLUMN title TO summary;

ALTER TABLE work_items RENAME CONSTRAINT fk_tasks_project_id TO fk_work_items_project_id;

ALTER TABLE work_items RENAME CONSTRAINT pk_tasks TO pk_work_items;

ALTER INDEX idx_tasks_project_id_status RENAME TO idx_work_items_project_id_status;

-- DS: drops column projects.touched_at and its values
ALTER TABLE projects DROP COLUMN touched_at;

CREATE VIEW open_tasks AS
SELECT id, project_id, summary FROM work_items WHERE status = 'open';

COMMIT;
