-- Sets the session's search_path to the text given and returns the one it replaces (read first:
-- the materialized CTE is evaluated before the select list).
with previous as materialized (select pg_catalog.current_setting('search_path') as path)
select previous.path as previous, pg_catalog.set_config('search_path', ?, false) as current
from previous
