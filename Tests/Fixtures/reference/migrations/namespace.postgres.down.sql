-- namespace (PostgreSQL, down)
-- Hazards:
--   DS: drops table tasks and all its rows

SET search_path TO "Agentic Ops";

BEGIN;

-- DS: drops table tasks and all its rows
DROP TABLE tasks;

COMMIT;
