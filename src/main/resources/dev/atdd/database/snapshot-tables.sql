-- Ordinary and partitioned tables of the schema given as parameter, with their row level security flag.
select c.relname as table_name,
       c.relrowsecurity as row_level_security
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = ?
  and c.relkind in ('r', 'p')
order by c.relname
