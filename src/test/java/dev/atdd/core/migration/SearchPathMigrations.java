package dev.atdd.core.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Migration sets that change {@code search_path}, each with the tables of {@code public} that
 * PostgreSQL 15 has after applying them the way verify-migrations does (the Supabase prelude, then
 * each file in version order in a transaction of its own, on one session). Every case is valid SQL,
 * so {@link SearchPathOnPostgresTest} can prove the expectation on a real server and
 * {@link MigrationIndexSearchPathTest} can check the index against it without one.
 */
final class SearchPathMigrations {

    /** One migration file: its name gives its version. */
    record Migration(String fileName, String sql) {
    }

    /** @param publicTables what PostgreSQL has in {@code public} after the migrations */
    record Case(String name, List<Migration> migrations, Set<String> publicTables) {

        @Override
        public String toString() {
            return name;
        }

        void writeTo(Path folder) throws IOException {
            for (Migration migration : migrations) {
                Files.writeString(folder.resolve(migration.fileName()), migration.sql());
            }
        }
    }

    private static final String IN_APP = "create schema app; set search_path to app; create table in_app();\n";

    private SearchPathMigrations() {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                oneFile("the reviewer's migration",
                        "CREATE SCHEMA app; SET search_path TO app; CREATE TABLE x_y_z (id uuid primary key, data jsonb);"),
                oneFile("= and a list", "create schema app; set search_path = app, public; create table t();"),
                oneFile("an unquoted name folds", "create schema app; SET SEARCH_PATH TO App; create table t();"),
                oneFile("a quoted name keeps its case",
                        "create schema \"App\"; set search_path to \"App\"; create table t();"),
                oneFile("\"$user\" is skipped", "create schema app; set search_path to \"$user\", app, public; create table t();"),
                oneFile("SET SESSION", "create schema app; set session search_path to app; create table t();"),
                oneFile("a string", "create schema app; set search_path to 'app'; create table t();"),
                oneFile("a quoted setting name", "create schema app; set \"search_path\" to app; create table t();"),
                oneFile("SET SCHEMA", "create schema app; set schema 'app'; create table t();"),
                oneFile("\"Public\" is not public", "create schema \"Public\"; set search_path to \"Public\"; create table t();"),

                oneFile("public first", IN_APP + "set search_path to public, app; create table t();", "t"),
                oneFile("public after \"$user\"", IN_APP + "set search_path to \"$user\", public; create table t();", "t"),
                oneFile("strings", IN_APP + "set search_path = '$user', 'public'; create table t();", "t"),
                oneFile("a quoted public", IN_APP + "set search_path to \"public\"; create table t();", "t"),
                oneFile("TO DEFAULT", IN_APP + "SET search_path TO DEFAULT; create table t();", "t"),
                oneFile("= default", IN_APP + "set search_path = default; create table t();", "t"),
                oneFile("RESET search_path", IN_APP + "reset search_path; create table t();", "t"),
                oneFile("RESET ALL", IN_APP + "RESET ALL; create table t();", "t"),
                oneFile("SET SCHEMA 'public'", IN_APP + "set schema 'public'; create table t();", "t"),

                oneFile("a schema-qualified name ignores the search path", """
                        create schema app; create schema other;
                        set search_path to app;
                        create table public.a(); create table b(); create table other.c();
                        set search_path to public;
                        create table other.d(); create table app.e();
                        """, "a"),
                oneFile("renames and drops of unqualified names resolve through the search path", """
                        create table t(); create table u();
                        create schema app; create table app.t(); create table app.u(); create table app.v();
                        set search_path to app;
                        drop table t;
                        alter table u rename to w;
                        alter table v set schema public;
                        alter table public.u rename to x;
                        """, "t", "v", "x"),
                oneFile("only top-level statements count", """
                        create schema app;
                        -- set search_path to app;
                        /* set search_path to app; */
                        select 'set search_path to app;';
                        create function f() returns int language sql set search_path = app as $$ select 1 $$;
                        create function g() returns void language plpgsql as $fn$ begin set search_path to app; end $fn$;
                        alter function f() set search_path = app;
                        create table t();
                        """, "t"),
                oneFile("other settings do not count", """
                        set role postgres; set local statement_timeout = 0; set time zone 'UTC';
                        set search_path from current; set session authorization default; reset role;
                        create table t();
                        """, "t"),

                oneFile("set_config sets the path", "create schema app;\n"
                        + "select set_config('search_path', 'app, public', false); create table t();"),
                oneFile("pg_dump's empty path, then a qualified name and set_config back to public", """
                        create schema app;
                        SELECT pg_catalog.set_config('search_path', '', false);
                        create table app.x(); create table public.y();
                        select set_config('search_path', '"$user", public', false); create table z();
                        select set_config('search_path', 'app', false) as shown; create table in_app();
                        """, "y", "z"),
                files("set_config local to its transaction ends with its file",
                        List.of(new Migration("1_local.sql", "create schema app;\n"
                                        + "select set_config('search_path', 'app', true); create table a();"),
                                new Migration("2_after.sql", "create table b();")),
                        "b"),
                oneFile("a DO block runs with its migration", """
                        do $$
                        declare n int;
                        begin
                          if not exists (select 1 from pg_tables where tablename = 'kept') then create table kept();
                          end if;
                          for n in 1..2 loop create table if not exists looped(); end loop;
                        end $$;
                        do language plpgsql $body$ begin create table tagged(); end $body$;
                        """, "kept", "looped", "tagged"),
                oneFile("drops and renames in a DO block are not taken as done", """
                        create table t(); create table u();
                        do $$ begin if false then drop table t; else null; end if; end $$;
                        do $$ begin alter table missing rename to renamed; exception when undefined_table then null; end $$;
                        do $$ begin if false then alter table u rename to v; end if; end $$;
                        """, "t", "u"),
                oneFile("ALTER TABLE IF EXISTS ... SET SCHEMA public moves a table of another schema",
                        "create schema app; create table app.x(); alter table if exists app.x set schema public;", "x"),
                oneFile("a DO block inside a DO block", """
                        create table t();
                        do $o$ begin do $i$ begin null; end $i$; if false then drop table t; end if; end $o$;
                        """, "t"),
                oneFile("a DO block's search path places its tables and holds after it", """
                        create schema app;
                        do $$ begin set search_path = app; create table t(); end $$;
                        create table u();
                        """),
                oneFile("set_config with $user unquoted", """
                        select pg_catalog.set_config('search_path', '', false);
                        select set_config('search_path', '$user, public', false); create table t();
                        select set_config('search_path', ' "$user" ,  PUBLIC ', false); create table u();
                        """, "t", "u"),
                oneFile("a function a DO block defines does not run", """
                        do $outer$ begin
                          create function make() returns void language plpgsql
                            as $inner$ begin create table inner_t(); end $inner$;
                        end $outer$;
                        """),
                oneFile("SELECT INTO makes a table, at the top level only", """
                        create table src (x int);
                        select x, 1 as y into made from src;
                        select * into temp tmp_made from src;
                        SELECT 1 AS a INTO UNLOGGED TABLE public.made2;
                        select (select 1) as z, 'into' as w into table made3 from src where x in (select 1);
                        select 1 as a from src where x in (select 1);
                        do $$ declare v int; begin select 1 into v; end $$;
                        create schema app; select 1 as a into app.elsewhere;
                        select 1 as a into local temp t1; select 1 as b into global temporary t2;
                        select 1 is distinct from 2 as d into made4;
                        """, "src", "made", "made2", "made3", "made4"),
                oneFile("WITH ... SELECT INTO makes a table, at the top level only", """
                        create table src (x int);
                        with a as (select x from src) select * into made from a;
                        WITH RECURSIVE n (i) AS (select 1 union all select i + 1 from n where i < 3)
                          SEARCH DEPTH FIRST BY i SET ord SELECT i INTO TABLE public.made2 FROM n;
                        with update as materialized (select 1 as x), b as not materialized (select 2 as y)
                          select update.x, (select 1) as z into made3 from update, b where x in (select 1);
                        with a as (insert into src values (1) returning x) select x into unlogged made4 from a;
                        with a as (select 1 as x) select x into temp tmp_made from a;
                        with a as (select 1 as x) insert into src select x from a;
                        with a as (select 1 as x) merge into src using a on src.x = a.x
                          when not matched then insert values (a.x);
                        with a as (select 1 as x) update src set x = a.x from a;
                        with a as (select 1 as x) delete from src using a where src.x = a.x;
                        with a as (select 1 as x) select x from a;
                        insert into src with a as (select 1 as x) select x from a;
                        create view v with (security_barrier) as with a as (select x from src) select x from a;
                        do $$ declare v int; begin with a as (select 1 as x) select x into v from a; end $$;
                        create function f() returns int language plpgsql
                          as 'declare v int; begin with a as (select 1 as x) select x into v from a; return v; end';
                        create schema app; with a as (select 1 as x) select x into app.elsewhere from a;
                        """, "src", "made", "made2", "made3", "made4"),
                oneFile("a top-level SELECT INTO in parentheses, around or after a WITH, makes a table", """
                        create table src (x int);
                        (select 1 as x into made);
                        ((select 1 as x into made2)) union select 2 order by 1;
                        with a as (select x from src) (select x into made3 from a);
                        (with a as (select 1 as x) (select x into made4 from a));
                        with recursive n (i) as (select 1 union all select i + 1 from n where i < 3)
                          search depth first by i set ord (select i into made5 from n);
                        with recursive n (i) as (select 1 union all select i + 1 from n where i < 3)
                          cycle i set c using p ((select i into made6 from n)) union select 0;
                        (values (1)); (select 1 as x); (table src) limit 1;
                        with a as (select 1 as x) insert into src (x) (select x from a);
                        (select 1 as x into temp tmp_made);
                        """, "src", "made", "made2", "made3", "made4", "made5", "made6"),
                oneFile("names over 63 bytes are cut as PostgreSQL cuts them, at a character boundary",
                        "create table " + "a".repeat(70) + "();\n"
                                + "alter table " + "a".repeat(64) + " rename to " + "b".repeat(65) + ";\n"
                                + "create table \"" + "é".repeat(40) + "\"();\n"
                                + "create schema " + "s".repeat(70) + "; create table " + "s".repeat(64) + ".t();\n",
                        "b".repeat(63), "é".repeat(31)),
                oneFile("ALTER TABLE IF EXISTS renames nothing that is not there", """
                        alter table if exists missing rename to phantom;
                        create table old(); alter table if exists old rename to renamed;
                        """, "renamed"),

                files("the search path holds into the next file, in version order",
                        List.of(new Migration("1_schema.sql", "create schema app; set search_path to app;"),
                                new Migration("2_table.sql", "create table t();"))),
                files("a later file's search path does not reach back",
                        List.of(new Migration("1_early.sql", "create schema app; create table early();"),
                                new Migration("2_late.sql", "set search_path to app; create table late();"),
                                new Migration("3_later.sql", "create table later();")),
                        "early"),
                files("SET LOCAL ends with its file",
                        List.of(new Migration("1_local.sql", "create schema app; set local search_path to app; create table inside();"),
                                new Migration("2_after.sql", "create table after();")),
                        "after"),
                files("SET after SET LOCAL holds after the file",
                        List.of(new Migration("1_both.sql", "create schema app; create schema other;\n"
                                        + "set local search_path to other; set search_path to app; create table a();"),
                                new Migration("2_after.sql", "create table b();"))),
                files("SET LOCAL after SET gives way to the SET after the file",
                        List.of(new Migration("1_both.sql", "create schema app;\n"
                                        + "set search_path to app; set local search_path to public; create table a();"),
                                new Migration("2_after.sql", "create table b();")),
                        "a"));
    }

    private static Arguments oneFile(String name, String sql, String... publicTables) {
        return files(name, List.of(new Migration("20240101000000_migration.sql", sql)), publicTables);
    }

    private static Arguments files(String name, List<Migration> migrations, String... publicTables) {
        return Arguments.of(new Case(name, migrations, Set.of(publicTables)));
    }
}
