-- column_drop_auto_update (PostgreSQL, down)
-- Hazards: none.

BEGIN;

ALTER TABLE projects ADD COLUMN updated_at TIMESTAMPTZ DEFAULT now();

CREATE FUNCTION projects_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $schemagen$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$schemagen$;
CREATE TRIGGER trg_projects_updated_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION projects_touch_updated_at();

COMMIT;
