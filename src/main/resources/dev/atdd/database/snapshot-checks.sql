-- CHECK constraints of the tables of the schema given as parameter, each with the columns it reads.
select c.relname as table_name,
       k.conname as constraint_name,
       array(select a.attname::text
             from unnest(k.conkey) with ordinality as key(attnum, ord)
             join pg_catalog.pg_attribute a on a.attrelid = k.conrelid and a.attnum = key.attnum
             order by key.ord) as column_names,
       pg_catalog.pg_get_constraintdef(k.oid, true) as definition
from pg_catalog.pg_constraint k
join pg_catalog.pg_class c on c.oid = k.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = ?
  and k.contype = 'c'
order by c.relname, k.conname
