package dev.atdd.core.migration;

import static dev.atdd.core.migration.MigrationsOnPostgres.agreeing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The views and types of {@code public} whose names a generated table cannot take: each case applied
 * to a real PostgreSQL 15 as verify-migrations applies it (each file in version order on one
 * session), where the catalog and the index must name the same ones.
 */
class ViewsAndTypesOnPostgresTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                agreeing("each kind", List.of("create table t (id int); create view v as select 1 as a;"
                        + " create materialized view mv as select 1 as a; create type status as enum ('a', 'b');"
                        + " create domain email as text; create type pair as (a int, b int);"),
                        Set.of("v", "mv", "status", "email", "pair")),
                agreeing("temporary and other schemas' do not count", List.of("create or replace view v as select 1;"
                        + " create or replace temp view tv as select 1; create schema other;"
                        + " create view other.ov as select 1; create type other.ot as enum ('x');"
                        + " create materialized view if not exists public.m as select 1;"),
                        Set.of("v", "m")),
                agreeing("renamed, a view by ALTER TABLE too", List.of("create view v as select 1 as a;"
                        + " alter view v rename to w; create type s as enum ('a'); alter type s rename to s2;",
                        "create domain d as int; alter domain d rename to d2; create materialized view m as select 1;"
                        + " alter materialized view m rename to m2; create view x as select 1; alter table x rename to y;"
                        + " alter view if exists nowhere rename to z;"),
                        Set.of("w", "s2", "d2", "m2", "y")),
                agreeing("dropped", List.of("create view v as select 1; create type s as enum ('a');"
                        + " create domain d as int; create materialized view m as select 1; create view kept as select 1;",
                        "drop view v; drop type if exists s, nothing; drop domain d; drop materialized view m;"),
                        Set.of("kept")),
                agreeing("moved between schemas", List.of("create schema other; create view v as select 1;"
                        + " alter view v set schema other; create type other.t as enum ('a');"
                        + " alter type other.t set schema public; create view u as select 1;"
                        + " alter table u set schema other;"),
                        Set.of("t")),
                agreeing("on the search path", List.of("create schema app; set search_path to app;"
                        + " create view v as select 1; create type t as enum ('a');",
                        "create view pv as select 1; reset search_path; create view p2 as select 1;"),
                        Set.of("p2")),
                agreeing("a DO block's type", List.of("do $$ begin create type mood as enum ('ok');"
                        + " exception when duplicate_object then null; end $$;"),
                        Set.of("mood")),
                // Which views, domains and types went with it is not known: every one is forgotten (a composite
                // type only loses an attribute), none held wrongly.
                Arguments.of("what a CASCADE drop took with it", List.of("create table scores (id int);"
                        + " create view on_scores as select * from scores; create type e as enum ('a');"
                        + " create domain on_e as e; create view kept as select 1 as a; create type t as enum ('b');",
                        "drop table scores cascade; drop function if exists nothing() cascade;"
                        + " drop type e cascade;"),
                        Set.of("kept", "t"), Set.of()),
                Arguments.of("a column dropped with CASCADE", List.of("create table t (c int);"
                        + " create view on_c as select c from t; create type e as enum ('a', 'b');"
                        + " create type pair as (a int);",
                        "alter table t drop column c cascade;"),
                        Set.of("e", "pair"), Set.of("pair")),
                Arguments.of("a CASCADE among an ALTER TABLE's actions", List.of("create table t (c int);"
                        + " create view on_c as select c from t;",
                        "alter table t drop column c cascade, add column d int;"),
                        Set.of(), Set.of()),
                Arguments.of("a column dropped with CASCADE beside a foreign key's ON DELETE CASCADE", List.of(
                        "create table p (id int primary key); create table t (c int, r int);"
                        + " create view on_c as select c from t;",
                        "alter table t drop column c cascade,"
                        + " add constraint fk foreign key (r) references p (id) on delete cascade;"),
                        Set.of(), Set.of()),
                agreeing("a foreign key's ON DELETE or ON UPDATE CASCADE drops none", List.of(
                        "create table organisations (id uuid primary key, slug text);"
                        + " create view org_names as select slug from organisations;"
                        + " create table org_member_member (organisation_id uuid);",
                        "alter table org_member_member add constraint fk_org foreign key (organisation_id)"
                        + " references organisations(id) on delete cascade;"
                        + " alter table org_member_member add column owner_id uuid references organisations"
                        + " on update cascade;"),
                        Set.of("org_names")),
                Arguments.of("a rename in a DO branch that may not run", List.of("create view v as select 1 as a;"
                        + " create view u as select 1 as a;"
                        + " do $$ begin if false then alter view v rename to w; end if; end $$;"
                        + " do $$ begin alter view u rename to u2; end $$;"),
                        Set.of("v", "u2"), Set.of()),
                agreeing("DROP TYPE drops a domain; a DO block's drop counts", List.of("create domain d as text;"
                        + " drop type d; create type old as enum ('a');"
                        + " do $$ begin drop type if exists old; end $$;"),
                        Set.of()),
                agreeing("values and attributes are no renames", List.of("create type s as enum ('a');"
                        + " alter type s add value 'b'; alter type s rename value 'a' to 'c';"
                        + " create type p as (x int); alter type p rename attribute x to y;"
                        + " create or replace function f() returns table (a int) language sql as 'select 1';"),
                        Set.of("s", "p")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void indexAgreesWithWhatPostgresMadeInPublic(String name, List<String> files, Set<String> expected,
                                                 Set<String> inIndex) throws IOException, SQLException {
        // Views, materialized views, enums, domains and composite types (not tables' row types, not arrays).
        MigrationsOnPostgres.assertIndexAgrees(dir, files, index -> index.viewsAndTypes().keySet(), """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('v', 'm', 'c')
                union
                select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
                 where n.nspname = 'public' and t.typtype in ('e', 'd')""", expected, inIndex);
    }
}
