-- foreign_key_drop (PostgreSQL, down)
-- Hazards:
--   MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent

BEGIN;

-- MF: adds foreign key fk_tasks_project_id on tasks: fails if existing rows have no parent
ALTER TABLE tasks ADD CONSTRAINT fk_tasks_project_id FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE;

COMMIT;
