-- Ends every session still connected to the scratch database (the parameter) except this one, so that it can be dropped.
select pg_catalog.pg_terminate_backend(pid)
from pg_catalog.pg_stat_activity
where datname = ? and pid <> pg_catalog.pg_backend_pid()
