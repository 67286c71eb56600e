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
 * The named indexes of {@code public} whose names a generated table or index cannot take: each case
 * applied to a real PostgreSQL 15 as verify-migrations applies it, where the index holds what the
 * catalog has, or (where what a statement did is not known without running it) less, never more.
 */
class IndexesOnPostgresTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                // An unnamed index gets a name PostgreSQL makes up (t_x_idx): the migrations never name it.
                Arguments.of("each form; unnamed and other schemas' do not count", List.of("create table t (x int);"
                        + " create index a on t (x); create unique index if not exists b on only public.t (x);"
                        + " create index on t (x); create schema other; create table other.o (x int);"
                        + " create index c on other.o (x); create index \"D\" on t using btree (x) where x > 0;"
                        + " create index if not exists a on t (x); create unique index g on t ((x + 1));"),
                        Set.of("D", "a", "b", "g", "t_x_idx"), Set.of("D", "a", "b", "g")),
                agreeing("renamed, by ALTER TABLE too", List.of("create table t (x int); create index a on t (x);"
                        + " create index b on t (x); create index c on t (x); alter index a rename to a2;"
                        + " alter table if exists b rename to b2; alter index if exists public.c rename to \"C\";"
                        + " alter index if exists nowhere rename to z;"),
                        Set.of("C", "a2", "b2")),
                agreeing("ALTER INDEX renames a table, whose index goes with it", List.of("create table t (x int);"
                        + " create index i on t (x); alter index t rename to u;", "drop table u;"),
                        Set.of()),
                agreeing("dropped", List.of("create schema other; create table t (x int); create index a on t (x);"
                        + " create index b on t (x); create index c on t (x); create index d on t (x);"
                        + " create index kept on t (x);", "drop index a; drop index if exists b, nothing;"
                        + " drop index public.c cascade; drop index if exists other.d;"),
                        Set.of("d", "kept")),
                agreeing("with their table moved, renamed or losing a column", List.of("create schema archive;"
                        + " create table u (x int); create table v (x int);"
                        + " create table w (x int, y int); create table kept (x int);"
                        + " create index on_u on u (x); create index on_v on v (x); create index on_w on w (y);"
                        + " create index on_kept on kept (x);",
                        "alter table u set schema archive; alter table v rename to v2;"
                        + " alter table if exists only w drop column y, add column z int;"),
                        Set.of("on_kept", "on_v")),
                // Which tables are partitions of the one dropped is not followed: every name goes.
                Arguments.of("a dropped table, which may take partitions and their indexes along", List.of(
                        "create table parent (x int) partition by list (x);"
                        + " create table p1 partition of parent for values in (1); create index on_p1 on p1 (x);"
                        + " create table t (x int); create index on_t on t (x); create table kept (x int);"
                        + " create index on_kept on kept (x);", "drop table if exists t, nothing; drop table parent;"),
                        Set.of("on_kept"), Set.of()),
                Arguments.of("an index a constraint takes with USING INDEX, under the constraint's name", List.of(
                        "create table legacy (x int); create unique index u_x on legacy (x);"
                        + " create index other on legacy (x);"
                        + " alter table legacy add constraint legacy_x_key unique using index u_x;"),
                        Set.of("legacy_x_key", "other"), Set.of()),
                agreeing("an index attached to a partitioned one goes with it", List.of(
                        "create table parent (x int) partition by list (x);"
                        + " create table p1 partition of parent for values in (1); create index child_x on p1 (x);"
                        + " create index parent_x on only parent (x); alter index parent_x attach partition child_x;"
                        + " drop index parent_x;"),
                        Set.of()),
                agreeing("a CALL in a DO block may drop any", List.of(
                        "create table t (x int); create index b on t (x);"
                        + " create procedure p() language plpgsql as $f$ begin drop index b; end $f$;"
                        + " do $$ begin call p(); end $$;"),
                        Set.of()),
                agreeing("a DO block written as a string may drop any", List.of(
                        "create table t (x int); create index a on t (x);",
                        "do 'begin execute ''drop index a''; end';"),
                        Set.of()),
                agreeing("a variable named call, or a language named as a string, drops none", List.of(
                        "create table t (x int); create index a on t (x);"
                        + " do $$ declare call int; begin call := 1; end $$;"
                        + " do language 'plpgsql' $$ begin perform 1; end $$;"),
                        Set.of("a")),
                agreeing("indexes of partitions a partitioned index adopted go with it", List.of(
                        "create table parent (x int) partition by list (x);"
                        + " create table p1 partition of parent for values in (1); create index child_x on p1 (x);"
                        + " create index parent_x on parent (x); drop index parent_x;"),
                        Set.of()),
                agreeing("so do those of a table attached as a partition", List.of(
                        "create table parent2 (x int) partition by list (x); create table q1 (x int);"
                        + " create index child_q on q1 (x); create index parent2_x on parent2 (x);"
                        + " alter table parent2 attach partition q1 for values in (1); drop index parent2_x;"),
                        Set.of()),
                agreeing("not on a table SELECT INTO made temporary", List.of(
                        "select 1 as x into local temp t; create index i on t (x);"),
                        Set.of()),
                agreeing("SQL a DO block EXECUTEs, or a procedure CALLed, may drop any", List.of(
                        "create table t (x int); create index a on t (x); create index b on t (x);"
                        + " do $$ begin execute 'drop index a'; end $$;",
                        "create procedure p() language plpgsql as $$ begin drop index b; end $$; call p();"),
                        Set.of()),
                agreeing("with their materialized view", List.of("create schema archive;"
                        + " create materialized view m as select 1 as a; create index on_m on m (a);"
                        + " create materialized view n as select 1 as a; create index on_n on n (a);"
                        + " create materialized view o as select 1 as a; create index on_o on o (a);"
                        + " alter materialized view m rename to m2; drop materialized view m2;"
                        + " alter materialized view n set schema archive;"),
                        Set.of("on_o")),
                agreeing("where the search path puts their table", List.of("create schema app;"
                        + " set search_path to app; create table t (x int); create index in_app on t (x);"
                        + " create table public.p (x int); create index in_public on public.p (x);",
                        "drop index if exists in_public; create index again on public.p (x); reset search_path;"
                        + " create index on_p on p (x); drop index again;"),
                        Set.of("in_public", "on_p")),
                agreeing("not on a temporary table, for the whole session", List.of("create table t (x int);"
                        + " create temp table t (x int); create table pg_temp.u (x int); create index on_temp on t (x);"
                        + " create index on_public on public.t (x);",
                        "create index on_u on u (x); create index also_temp on t (x);"),
                        Set.of("on_public")),
                // Which schema holds q is not known without the catalog: the name is not held.
                Arguments.of("a table found further down the search path", List.of("create schema app;"
                        + " create table public.q (x int); set search_path to app, public; create index on_q on q (x);"
                        + " reset search_path;"),
                        Set.of("on_q"), Set.of()),
                Arguments.of("a DO block's, which may not run", List.of("create table t (x int);"
                        + " create table u (x int); create table w (x int); create index a on t (x);"
                        + " create index b on t (x); create index c on t (x); create index on_u on u (x);"
                        + " create index on_w on w (x);"
                        + " do $$ begin create index made_in_block on t (x); if false then drop index a; end if;"
                        + " alter index b rename to b2; alter table c rename to c2; alter table u rename to u2;"
                        + " drop table if exists w; end $$;"),
                        Set.of("a", "b2", "c2", "made_in_block", "on_u"), Set.of()),
                Arguments.of("what a CASCADE drop took with it", List.of("create table t (x int); create index a on t (x);"
                        + " create function f(int) returns int immutable language sql as 'select $1';"
                        + " create index b on t (f(x)); drop function f(int) cascade; create index c on t (x);"),
                        Set.of("a", "c"), Set.of("c")),
                // A foreign key's CASCADE says what deleting or updating a referenced row will do: it drops nothing.
                agreeing("a foreign key's ON DELETE or ON UPDATE CASCADE drops none", List.of(
                        "create table organisations (id uuid, slug text);"
                        + " create unique index organisations_id_key on organisations (id);"
                        + " create index organisations_slug_idx on organisations (slug);"
                        + " create table org_member_member (organisation_id uuid);",
                        "alter table org_member_member add constraint fk_org foreign key (organisation_id)"
                        + " references organisations(id) on delete cascade;"
                        + " alter table org_member_member add column owner_id uuid references organisations (id)"
                        + " on update cascade on delete cascade;"
                        + " create table org_invite (organisation_id uuid references organisations (id)"
                        + " on delete cascade);"),
                        Set.of("organisations_id_key", "organisations_slug_idx")),
                Arguments.of("a dropped column's, and the other indexes of its table", List.of(
                        "create table w (x int, y int); create index on_y on w (y); create index on_x on w (x); alter table w drop column y;"),
                        Set.of("on_x"), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void indexAgreesWithTheIndexesPostgresMadeInPublic(String name, List<String> files, Set<String> expected,
                                                       Set<String> inIndex) throws IOException, SQLException {
        MigrationsOnPostgres.assertIndexAgrees(dir, files, index -> index.indexes().keySet(),
                "select indexname from pg_indexes where schemaname = 'public'", expected, inIndex);
    }
}
