-- Indexes of the tables of the schema given as parameter: key columns (or expressions), method, flags and full definition.
select c.relname as table_name,
       ic.relname as index_name,
       am.amname as method,
       i.indisunique as is_unique,
       i.indisprimary as is_primary,
       i.indisvalid as is_valid,
       array(select pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
             from generate_series(1, i.indnkeyatts) as k
             order by k) as key_columns,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) as predicate,
       pg_catalog.pg_get_indexdef(i.indexrelid) as definition
from pg_catalog.pg_index i
join pg_catalog.pg_class c on c.oid = i.indrelid
join pg_catalog.pg_class ic on ic.oid = i.indexrelid
join pg_catalog.pg_am am on am.oid = ic.relam
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = ?
order by c.relname, ic.relname
