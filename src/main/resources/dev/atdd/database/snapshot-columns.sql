-- Live columns of the tables of the schema given as parameter, in table order, with the type their values are
-- stored as (a domain's base type, through every level of domain, else the type itself) and the labels of that
-- type when it is an enum type (or of its element type, for an array), in their order; null for any other type.
select c.relname as table_name,
       a.attname as column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) as data_type,
       pg_catalog.format_type(stored.oid, stored.typmod) as stored_type,
       a.attnotnull as not_null,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) as default_expression,
       case when e.typtype = 'e' then
           array(select l.enumlabel::text
                 from pg_catalog.pg_enum l
                 where l.enumtypid = e.oid
                 order by l.enumsortorder)
       end as enum_labels
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
cross join lateral (
    with recursive base(oid, typmod, depth) as (
        select a.atttypid, a.atttypmod, 0
        union all
        select t.typbasetype, t.typtypmod, base.depth + 1
        from base join pg_catalog.pg_type t on t.oid = base.oid
        where t.typtype = 'd'
    )
    select base.oid, base.typmod from base order by base.depth desc limit 1
) stored
join pg_catalog.pg_type t on t.oid = stored.oid
-- An array's element type (typelem of an array type), else the type itself.
left join pg_catalog.pg_type e on e.oid = case when t.typcategory = 'A' then t.typelem else t.oid end
left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where n.nspname = ?
  and c.relkind in ('r', 'p')
  and a.attnum > 0
  and not a.attisdropped
order by c.relname, a.attnum
