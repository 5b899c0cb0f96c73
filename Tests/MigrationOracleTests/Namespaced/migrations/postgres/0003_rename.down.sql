-- schemagen migration 0003_rename (down, PostgreSQL), from schema.yaml. Do not edit: write a new migration instead.
-- Hazards:
--   BC: renames table work_items to tasks: code using the old name breaks
--   BC: renames column tasks.summary to title: code using the old name breaks

SET search_path TO "Agentic Ops";

BEGIN;

DROP VIEW open_tasks;

-- BC: renames table work_items to tasks: code using the old name breaks
ALTER TABLE work_items RENAME TO tasks;
ALTER SEQUENCE work_items_id_seq RENAME TO tasks_id_seq;

-- BC: renames column tasks.summary to title: code using the old name breaks
ALTER TABLE tasks RENAME COLUMN summary TO title;

ALTER TABLE tasks RENAME CONSTRAINT fk_work_items_project_id TO fk_tasks_project_id;

ALTER TABLE tasks RENAME CONSTRAINT pk_work_items TO pk_tasks;

ALTER INDEX idx_work_items_project_id_status RENAME TO idx_tasks_project_id_status;

ALTER TABLE projects ADD COLUMN touched_at TIMESTAMPTZ DEFAULT now();

CREATE FUNCTION projects_touch_touched_at() RETURNS trigger LANGUAGE plpgsql AS $schemagen$
BEGIN
    IF NEW.touched_at IS NOT DISTINCT FROM OLD.touched_at THEN
        NEW.touched_at := now();
    END IF;
    RETURN NEW;
END;
$schemagen$;
CREATE TRIGGER trg_projects_touched_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION projects_touch_touched_at();

CREATE VIEW open_tasks AS
SELECT id, project_id, title FROM tasks WHERE status = 'open';

COMMIT;
