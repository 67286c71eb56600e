package dev.atdd.core.migration;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.review.Todo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationIndexTest {

    /** A Supabase project's organisations, with a named index and a view, and a table of their members. */
    private static final String ORGANISATIONS = "create table organisations (id uuid primary key, slug text);"
            + " create index organisations_slug_idx on organisations (slug);"
            + " create table org_member_member (organisation_id uuid, c int);"
            + " create view org_names as select slug from organisations;";

    @TempDir
    Path dir;

    private Path write(String fileName, String sql) throws IOException {
        return Files.writeString(dir.resolve(fileName), sql);
    }

    private MigrationIndex indexOf(String sql) throws IOException {
        write("20240101000000_test.sql", sql);
        return MigrationIndex.scan(dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            create table orders (); drop table orders;                                    | false | dropped by 20240101000000_test.sql:1
            create table orders ();\\ndrop table if exists public.orders cascade;          | false | dropped by 20240101000000_test.sql:2
            create table orders ();\\nalter table orders rename to sales;                  | false | renamed to sales by 20240101000000_test.sql:2
            create table orders ();\\nalter table orders set schema archive;               | false | moved to schema archive by 20240101000000_test.sql:2
            create table orders (); drop table orders; create table orders ();            | true  | ''
            create table orders ();\\ndo $$ begin drop table orders; end $$;              | true  | ''
            drop table if exists orders;                                                  | false | ''
            create table orders (); alter table orders rename to sales; drop table sales; | false | renamed to sales by 20240101000000_test.sql:1, then dropped by 20240101000000_test.sql:1
            create table orders ();\\nalter table orders rename to a;\\nalter table a rename to b; | false | renamed to a by 20240101000000_test.sql:2, then renamed to b by 20240101000000_test.sql:3
            create table orders ();\\ncreate temp table orders ();\\ndrop table orders;     | true  | ''
            create table orders ();\\ncreate temp table orders ();\\ndrop table pg_temp.orders;\\ndrop table orders; | false | dropped by 20240101000000_test.sql:4
            create table orders ();\\ndo $$ begin if false then create temp table orders (); end if; end $$;\\ndrop table orders; | false | dropped by 20240101000000_test.sql:3
            """)
    void aTableTheMigrationsMadeAndRemovedIsToldHowItWent(String sql, boolean exists, String how) throws IOException {
        MigrationIndex index = indexOf(sql.replace("\\n", "\n"));

        assertEquals(exists, index.exists("orders"));
        assertEquals(how, index.gone("orders").map(GoneTable::describe).orElse(""));
    }

    @Test
    void aTemporaryTableOfOneFileDoesNotShieldThePublicTableInTheNext() throws IOException {
        // ON COMMIT DROP ends with the file's transaction, and a deploy runs later files in a session of its own.
        write("20240101000000_a.sql", "create table orders ();\ncreate temp table orders (x int) on commit drop;\n");
        write("20240102000000_b.sql", "drop table orders;\n");

        MigrationIndex index = MigrationIndex.scan(dir);

        assertFalse(index.exists("orders"));
        assertEquals("dropped by 20240102000000_b.sql:1", index.gone("orders").map(GoneTable::describe).orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "create table orders (id int);",
            "CREATE TABLE Orders (id int)",
            "create table if not exists public.orders ();",
            "Create Unlogged Table IF NOT EXISTS PUBLIC.ORDERS ();",
            "create table \"public\".\"orders\" ();",
            "create table postgres.public.orders ();",
            "create\n  table\n  -- a comment between\n  orders /* here too */ (id int);",
            "create table orders partition of all_orders for values in (1);",
            "create table orders as select 1;",
            "prepare p as select $1, $2; create table orders ();",
            "create table x$y(); create table orders(); drop table x$y;"
    })
    void createsTableInPublic(String sql) throws IOException {
        assertEquals(Set.of("orders"), indexOf(sql).tables());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-- create table orders (id int);",
            "/* create table orders (); /* nested */ create table orders (); */",
            "select 'create table orders ();';",
            "select E'\\' ; create table orders (); \\'';",
            "select U&'create table orders ()';",
            "create function f() returns void language plpgsql as $fn$ begin create table orders (); end $fn$;",
            "create table auth.orders ();",
            "create table \"Public\".orders ();",
            "create temporary table orders ();",
            "create global temp table orders ();",
            "create schema app create table orders ();",
            "create index orders on t (a);",
            "comment on table orders is 'create table orders';",
            "select $1; create view orders as select 1;"
    })
    void ignoresWhatDoesNotCreateAPublicTable(String sql) throws IOException {
        MigrationIndex index = indexOf(sql);
        assertEquals(Set.of(), index.tables());
        assertEquals(List.of(), index.problems());
    }

    @Test
    void quotedNamesKeepCaseAndSpaces() throws IOException {
        MigrationIndex index = indexOf("""
                create table if not exists public."Order" (id int);
                create table public.order_items (id int);
                create table "line ""items"" 2024" ();
                """);
        assertEquals(Set.of("Order", "order_items", "line \"items\" 2024"), index.tables());
        assertTrue(index.exists("Order"));
        assertFalse(index.exists("order"));
    }

    @Test
    void replaysCreateRenameAndDropAcrossFilesInVersionOrder() throws IOException {
        write("20240103000000_drop.sql", "drop table if exists public.bookings, stays cascade;");
        write("20240101000000_create.sql", "create table reservations (id int);\ncreate table stays ();");
        write("20240102000000_rename.sql", "alter table if exists only reservations rename to bookings;\n"
                + "alter table stays rename column a to b;");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(List.of("20240101000000", "20240102000000", "20240103000000"),
                index.files().stream().map(MigrationFile::version).toList());
        assertEquals(Set.of(), index.tables());
        assertEquals(List.of(), index.problems());
    }

    @Test
    void renamedTableKeepsItsCreateOrigin() throws IOException {
        write("20240101000000_create.sql", "\n\n  create table reservations (id int);");
        write("20240102000000_rename.sql", "ALTER TABLE Reservations RENAME TO \"Bookings\";");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(Set.of("Bookings"), index.tables());
        TableOrigin origin = index.origin("Bookings").orElseThrow();
        assertEquals("create", origin.file().name());
        assertEquals(3, origin.line());
        assertEquals(3, origin.column());
        assertTrue(index.origin("reservations").isEmpty());
    }

    @Test
    void dropListRemovesEveryPublicTableNamed() throws IOException {
        MigrationIndex index = indexOf("create table a(); create table b(); create table c(); create table d();\n"
                + "drop table a, public.b, auth.c;");
        assertEquals(Set.of("c", "d"), index.tables());
    }

    @Test
    void setSchemaMovesTablesOutOfAndIntoPublic() throws IOException {
        MigrationIndex index = indexOf("create table a(); alter table a set schema archive;\n"
                + "alter table archive.b set schema public;");
        assertEquals(Set.of("b"), index.tables());
    }

    @Test
    void createIfNotExistsKeepsTheFirstOrigin() throws IOException {
        write("20240101000000_a.sql", "create table t();");
        write("20240102000000_b.sql", "create table if not exists t();");
        assertEquals("a", MigrationIndex.scan(dir).origin("t").orElseThrow().file().name());
    }

    @Test
    void ordersFilesAsTheSupabaseCliAppliesThemByFileName() throws IOException {
        // The CLI lists the folder in file name order: 10_ before 2_ before 9_, and a timestamp before 9_.
        write("2_second.sql", "drop table t;");
        write("10_first.sql", "create table t ();");
        write("9_last.sql", "create table t ();");
        write("20240101000000_stamped.sql", "create table u ();");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(List.of("first", "stamped", "second", "last"),
                index.files().stream().map(MigrationFile::name).toList());
        assertEquals(Set.of("t", "u"), index.tables());
        assertEquals("9", index.latestVersion().orElseThrow());
        assertEquals(List.of(), index.problems());
    }

    @Test
    void versionsThatAreOneNumberButTwoTextsAreTwoVersions() throws IOException {
        // Supabase keys its history by the version's text: 7 and 007 are two migrations.
        write("7_a.sql", "");
        write("007_b.sql", "");
        assertEquals(List.of(), MigrationIndex.scan(dir).problems());
    }

    @Test
    void filesTheSupabaseCliSkipsAreKeptAsSkipped() throws IOException {
        write("init.sql", "create table hidden();");
        write("20240101000000_ok.sql", "create table visible();");
        write("20240101000001_notes.txt", "create table other();");
        Files.createDirectory(dir.resolve("20240101000002_dir.sql"));
        Files.createDirectory(dir.resolve("sub"));
        write("sub/20240101000003_nested.sql", "create table nested();");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(Set.of("visible"), index.tables());
        assertEquals(List.of(dir.resolve("init.sql")), index.skipped().stream().map(SkippedFile::path).toList());
        assertTrue(index.skipped().get(0).reason().contains("{version}_{name}.sql"));
    }

    @Test
    void missingFolderIsAnEmptyIndex() {
        MigrationIndex index = MigrationIndex.scan(dir.resolve("absent"));
        assertEquals(List.of(), index.files());
        assertEquals(List.of(), index.problems());
        assertTrue(index.latestVersion().isEmpty());
    }

    @Test
    void folderThatIsAFileIsAProblem() throws IOException {
        Path file = write("migrations", "");
        assertEquals(List.of(Problem.in(file, "the migrations directory is not a folder")),
                MigrationIndex.scan(file).problems());
    }

    @Test
    void unterminatedQuoteIsReportedWithLineAndColumnAndEarlierTablesStillCount() throws IOException {
        Path file = write("20240101000000_broken.sql", "create table kept();\r\ninsert into kept values ('oops);\r\n"
                + "create table lost();");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(Set.of("kept"), index.tables());
        Problem problem = index.problems().get(0);
        assertEquals(1, index.problems().size());
        assertEquals(file, problem.file());
        assertEquals(2, problem.line());
        assertEquals(26, problem.column());
        assertTrue(problem.describe(dir).startsWith("20240101000000_broken.sql:2:26: unterminated string literal"),
                problem.describe(dir));
    }

    @Test
    void aCopyOfRowsThroughTheClientIsAProblemAtItsStatementAndItsRowsAreNotReadAsSql() throws IOException {
        // pg_dump's data: a row holding a quote read as SQL was an unterminated string on the row's line.
        Path file = write("20240101000000_people.sql", "create table people (id int, name text);\n"
                + "-- TODO: before the rows\n  COPY public.people (id, name) FROM stdin;\n1\tO'Brien\n2\t-- TODO: x\n"
                + "\\.\n\ncreate table later (id int);\n");
        MigrationIndex index = MigrationIndex.scan(dir, List.of("TODO:"));
        assertEquals(Set.of("people"), index.tables());
        assertEquals(List.of(new Problem(file, 3, 3, MigrationIndex.CLIENT_COPY + "; everything after it is ignored")),
                index.problems());
        assertEquals(List.of(2), index.todos().values().stream().flatMap(List::stream).map(Todo::line).toList());
    }

    @Test
    void aCopyOfAFileOnTheServerOrOneInABlockIsReadOn() throws IOException {
        write("20240101000000_copies.sql", "copy (select stdin from t) to '/tmp/out';\n"
                + "copy t (stdout) from '/tmp/in';\n"
                + "copy stdin from '/tmp/in';\n"
                + "do $$ begin copy t from stdin; end $$;\n"
                + "create table later (id int);\n");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(Set.of("later"), index.tables());
        assertEquals(List.of(), index.problems());
    }

    @Test
    void aMergeConflictLeftInAMigrationIsAProblemAtItsMarkerNotATable() throws IOException {
        // Both sides lex as statements: read as they are, the file would create the table no database gets.
        Path file = write("20240101000000_orders.sql", "-- orders\r\n<<<<<<< HEAD\r\ncreate table orders (id int);\r\n"
                + "=======\r\ncreate table orders (id bigint);\r\n>>>>>>> feature\r\n");
        write("20240102000000_fine.sql", "create table fine();\n-- a >>>>>>> inside a line is no marker\n");

        MigrationIndex index = MigrationIndex.scan(dir);

        assertEquals(List.of(new Problem(file, 2, 1, "a git merge conflict marker (<<<<<<<): resolve the conflict,"
                + " keep the lines you mean and delete the markers")), index.problems());
        assertEquals(Set.of("fine"), index.tables());
    }

    @Test
    void aClosingMarkerAloneIsAMergeConflictToo() throws IOException {
        Path file = write("20240101000000_orders.sql", "create table orders (id int);\n>>>>>>>\n");

        assertEquals(List.of(new Problem(file, 2, 1, "a git merge conflict marker (>>>>>>>): resolve the conflict,"
                + " keep the lines you mean and delete the markers")), MigrationIndex.scan(dir).problems());
    }

    @Test
    void aMigrationTheBuildMayNotReadIsAProblemSayingSo() throws IOException {
        Path file = write("20240101000000_secret.sql", "create table secret();");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(file)) {
            // Root reads any file of ours; a sysfs file refuses reads to everyone.
            Files.delete(file);
            Files.createSymbolicLink(file, Path.of("/sys/bus/pci/rescan"));
        }

        assertEquals(List.of(new Problem(file, 0, 0, "cannot be read: permission denied for the user running the build")),
                MigrationIndex.scan(dir).problems());
    }

    @Test
    void malformedUtf8IsAProblemNamingTheFileLineAndColumn() throws IOException {
        Path file = dir.resolve("20240101000000_latin1.sql");
        Files.write(file, "-- caf\u00e9 ok\ncreate table caf\u00e9();".getBytes(StandardCharsets.ISO_8859_1));
        write("20240102000000_fine.sql", "create table fine();");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(List.of(new Problem(file, 1, 7, "not valid UTF-8 (byte 0xE9); Supabase reads migrations as UTF-8")),
                index.problems());
        assertEquals(Set.of("fine"), index.tables());
    }

    @Test
    void aMigrationSavedAsUtf16IsToldSo() throws IOException {
        Path marked = dir.resolve("20240101000000_marked.sql");
        Files.write(marked, "create table a();".getBytes(StandardCharsets.UTF_16));
        Path bare = dir.resolve("20240102000000_bare.sql");
        Files.write(bare, "-- b\ncreate table b();".getBytes(StandardCharsets.UTF_16LE));

        assertEquals(List.of(
                new Problem(marked, 1, 1, "not valid UTF-8 (byte 0xFE): the file looks saved as UTF-16; Supabase reads"
                        + " migrations as UTF-8"),
                new Problem(bare, 1, 2, "a NUL character (U+0000), as a file saved as UTF-16 holds; Supabase reads"
                        + " migrations as UTF-8")), MigrationIndex.scan(dir).problems());
    }

    @Test
    void theColumnOfABadByteCountsCharactersNotBytes() throws IOException {
        // A byte order mark, then "é" (two bytes in UTF-8) and "⚠️" (two characters, six bytes) before the bad byte.
        byte[] good = "\uFEFF-- é ⚠️ x".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
        bytes[good.length] = (byte) 0xE9;
        Path file = Files.write(dir.resolve("20240101000000_mixed.sql"), bytes);

        MigrationIndex index = MigrationIndex.scan(dir);

        assertEquals(1, index.problems().size());
        assertEquals(1, index.problems().get(0).line());
        assertEquals(10, index.problems().get(0).column());
    }

    @Test
    void sharedVersionIsAProblem() throws IOException {
        write("20240101000000_a.sql", "");
        Path second = write("20240101000000_b.sql", "");
        List<Problem> problems = MigrationIndex.scan(dir).problems();
        assertEquals(1, problems.size());
        assertEquals(second, problems.get(0).file());
        assertTrue(problems.get(0).message().endsWith("give one of them a later version (the file name's leading digits)"),
                problems.get(0).message());
    }

    @Test
    void aTableMadeInADoBlockIsPlacedWhereItsCreateIs() throws IOException {
        MigrationIndex index = indexOf("select 1;\n  do $body$ begin create table a(); -- create table no();\n"
                + "  if true then create table b(); end if; end $body$;\ncreate table c();\n"
                + "do $$ begin create table left_open(); end");

        assertEquals(Set.of("a", "b", "c"), index.tables());
        assertEquals(List.of(2, 19), List.of(index.origin("a").orElseThrow().line(), index.origin("a").orElseThrow().column()));
        assertEquals(List.of(3, 16), List.of(index.origin("b").orElseThrow().line(), index.origin("b").orElseThrow().column()));
        assertEquals(4, index.origin("c").orElseThrow().line());
        assertEquals(1, index.problems().size());
    }

    @Test
    void byteOrderMarkAndCrlfDoNotHideTheFirstStatement() throws IOException {
        write("20240101000000_bom.sql", "\uFEFFCREATE TABLE first();\r\nCREATE TABLE second();\r\n");
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(Set.of("first", "second"), index.tables());
        assertEquals(1, index.origin("first").orElseThrow().column());
        assertEquals(2, index.origin("second").orElseThrow().line());
    }

    @Test
    void todosComeFromTheSamePassPerFile() throws IOException {
        write("20240101000000_reviewed.sql", "create table a();\nselect 'TODO: inside a string';");
        write("20240102000000_pending.sql", "create table b (\r\n  x jsonb -- ⚠️ TODO: Review JSONB columns\r\n);\r\n"
                + "/* TODO: add RLS policies */\r\n");
        MigrationIndex index = MigrationIndex.scan(dir);
        MigrationFile pending = index.files().get(1);
        assertEquals(Map.of(pending, List.of(new Todo(2, 14, "Review JSONB columns", true),
                        new Todo(4, 4, "add RLS policies", false))),
                index.todos());
        assertEquals(List.of(), index.todos(index.files().get(0)));
    }

    @Test
    void todoMarkersAreConfigurable() throws IOException {
        write("20240101000000_a.sql", "-- TODO: default marker\n-- FIXME: custom marker\n-- ⚠️ TODO: always");
        MigrationIndex index = MigrationIndex.scan(dir, List.of("FIXME:"));
        assertEquals(List.of(new Todo(2, 4, "custom marker", false), new Todo(3, 4, "always", true)),
                index.todos(index.files().get(0)));
    }

    @Test
    void allocatesVersionsAfterTheNewestFile() throws IOException {
        write("20991231235959_future.sql", "");
        assertEquals(List.of("21000101000000"),
                MigrationVersion.allocateAfter(MigrationIndex.scan(dir), List.of(), Instant.parse("2024-01-01T00:00:00Z"), 1));
    }

    @Test
    void versionThatNoTimestampCanFollowIsAProblemNamingTheFile() throws IOException {
        Path file = write("99999999999999999_custom.sql", "");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MigrationVersion.allocateAfter(MigrationIndex.scan(dir), List.of(), Instant.parse("2024-01-01T00:00:00Z"), 1));
        assertEquals(file, e.problems().get(0).file());
    }

    /** The named indexes of {@code public} the migrations leave: no new table or index can take their names. */
    private static Set<String> indexes(MigrationIndex index) {
        return new TreeSet<>(index.indexes().keySet());
    }

    @Test
    void namedIndexesOfPublicTablesInEachFormWithWhereTheyWereMade() throws IOException {
        MigrationIndex index = indexOf("""
                create table t (x int);
                create index a on t (x);
                  Create Unique Index Concurrently If Not Exists b On Only public.t (x);
                create index on t (x);
                create index concurrently on t (x);
                create index c on auth.users (x);
                create index "D" on "public".t using gin (x) where x > 0;
                create index if not exists a on t (x);
                -- create index e on t (x);
                select 'create index f on t (x)';
                create unique index g on t ((x + 1));
                """);

        assertEquals(Set.of("D", "a", "b", "g"), indexes(index));
        assertEquals(List.of(2, 1), List.of(index.indexes().get("a").line(), index.indexes().get("a").column()));
        assertEquals(List.of(3, 3), List.of(index.indexes().get("b").line(), index.indexes().get("b").column()));
        assertEquals("20240101000000_test.sql:7", index.indexes().get("D").where());
        assertEquals(Set.of("t"), index.tables());
    }

    @Test
    void renamedByAlterIndexOrAlterTableWithoutTakingATable() throws IOException {
        MigrationIndex index = indexOf("""
                create table t (x int);
                create index a on t (x); create index b on t (x); create index c on t (x);
                alter index a rename to a2;
                alter table if exists b rename to b2;
                alter index if exists public.c rename to "C";
                alter index if exists nowhere rename to z;
                alter index a2 set tablespace pg_default;
                """);

        assertEquals(Set.of("C", "a2", "b2"), indexes(index));
        assertEquals(2, index.indexes().get("b2").line());
        assertEquals(Set.of("t"), index.tables());
    }

    @Test
    void alterIndexRenamesATableToo() throws IOException {
        MigrationIndex index = indexOf("create table t (x int); create index i on t (x); alter index t rename to u;"
                + " drop table u;");

        assertEquals(Set.of(), index.tables());
        assertEquals(Set.of(), indexes(index));
    }

    @Test
    void droppedByDropIndexAcrossFilesWhoseCascadeTakesNoOtherIndex() throws IOException {
        write("20240101000000_create.sql", "create table t (x int); create index a on t (x); create index b on t (x);"
                + " create index c on t (x); create index d on t (x); create index kept on t (x);");
        write("20240102000000_drop.sql", "drop index a; drop index concurrently if exists b, nothing;"
                + " drop index public.c cascade; drop index if exists other.d;");

        assertEquals(Set.of("d", "kept"), indexes(MigrationIndex.scan(dir)));
    }

    @Test
    void goWithTheirTableWhenItIsMovedOrLosesAColumnAndFollowItsRename() throws IOException {
        MigrationIndex index = indexOf("""
                create table u (x int); create table v (x int); create table w (x int, y int);
                create table kept (x int);
                create index on_u on u (x); create index on_v on v (x);
                create index on_w on w (y); create index on_kept on kept (x);
                alter table u set schema archive;
                alter table v rename to v2; create table v (x int);
                alter table if exists only w drop column y, add column z int;
                """);

        assertEquals(Set.of("on_kept", "on_v"), indexes(index));
        assertEquals(Set.of("kept", "v", "v2", "w"), index.tables());
    }

    @Test
    void aDroppedTableLetsEveryIndexNameGoAsItMayHavePartitions() throws IOException {
        MigrationIndex index = indexOf("""
                create table t (x int); create table kept (x int);
                create index on_t on t (x); create index on_kept on kept (x);
                drop table if exists t, nothing;
                create table later (x int); create index on_later on later (x);
                """);

        assertEquals(Set.of("on_later"), indexes(index));
        assertEquals(Set.of("kept", "later"), index.tables());
    }

    @Test
    void aRenamedTableTakesItsIndexesAlong() throws IOException {
        MigrationIndex index = indexOf("create table v (x int); create index on_v on v (x);"
                + " alter table v rename to v2; drop table v2;");

        assertEquals(Set.of(), indexes(index));
    }

    @Test
    void goWithTheirMaterializedView() throws IOException {
        MigrationIndex index = indexOf("""
                create materialized view m as select 1 as a; create index on_m on m (a);
                create materialized view n as select 1 as a; create index on_n on n (a);
                create materialized view o as select 1 as a; create index on_o on o (a);
                alter materialized view m rename to m2; drop materialized view m2;
                alter materialized view n set schema archive;
                """);

        assertEquals(Set.of("on_o"), indexes(index));
    }

    @Test
    void followTheSearchPathOfTheirTable() throws IOException {
        write("20240101000000_app.sql", "create schema app; set search_path to app;"
                + " create table t (x int); create index in_app on t (x); create index in_public on public.p (x);");
        // The search path set holds into the next file: this drops no index of public.
        write("20240102000000_public.sql", "drop index if exists in_public; create index again on public.p (x);"
                + " reset search_path; create index on_p on p (x); drop index again;");

        assertEquals(Set.of("in_public", "on_p"), indexes(MigrationIndex.scan(dir)));
    }

    @Test
    void notOnATemporaryTableThatAnUnqualifiedNameFindsFirstForTheSession() throws IOException {
        write("20240101000000_temp.sql", "create table t (x int); create temp table t (x int);"
                + " create table pg_temp.u (x int); create index on_temp on t (x);"
                + " create index on_public on public.t (x);");
        write("20240102000000_later.sql", "create index on_u on u (x); create index also_temp on t (x);");

        assertEquals(Set.of("on_public"), indexes(MigrationIndex.scan(dir)));
    }

    @Test
    void aDoBlockTakesNoNewNameAndLetsGoOfWhatItMayHaveDroppedRenamedOrMoved() throws IOException {
        MigrationIndex index = indexOf("""
                create table t (x int); create table u (x int); create table w (x int);
                create index a on t (x); create index b on t (x); create index c on t (x); create index on_u on u (x);
                create index on_w on w (x);
                do $$ begin
                  create index made_in_block on t (x);
                  if false then drop index a; end if;
                  alter index b rename to b2;
                  alter table c rename to c2;
                  alter table u rename to u2;
                  drop table if exists w;
                end $$;
                """);

        assertEquals(Set.of(), indexes(index));
        assertEquals(Set.of("t", "u", "w"), index.tables());
    }

    @Test
    void aCascadeLetsGoOfEveryIndex() throws IOException {
        MigrationIndex index = indexOf("""
                create table t (x int); create index a on t (x);
                create extension if not exists pg_trgm; create index b on t using gin ((x::text) gin_trgm_ops);
                drop extension pg_trgm cascade;
                create index c on t (x);
                """);

        assertEquals(Set.of("c"), indexes(index));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alter table org_member_member add constraint fk_org foreign key (organisation_id)"
                    + " references organisations(id) on delete cascade;",
            "alter table org_member_member add column owner_id uuid references organisations on update cascade;",
            "ALTER TABLE public.org_member_member ADD CONSTRAINT fk_org FOREIGN KEY (organisation_id)"
                    + " REFERENCES public.organisations (id) ON UPDATE CASCADE ON DELETE CASCADE;",
            "create table org_invite (organisation_id uuid references organisations on delete cascade, by_id uuid,"
                    + " foreign key (by_id) references organisations (id) on update cascade on delete cascade);",
            "do $$ begin alter table org_member_member add constraint fk_org foreign key (organisation_id)"
                    + " references organisations (id) on delete cascade; end $$;"
    })
    void aForeignKeysReferentialCascadeDropsNothingAndLetsGoOfNoName(String sql) throws IOException {
        write("20240101000000_organisations.sql", ORGANISATIONS);
        write("20240102000000_members.sql", sql);

        MigrationIndex index = MigrationIndex.scan(dir);

        assertEquals(Set.of("organisations_slug_idx"), indexes(index));
        assertEquals(Set.of("org_names"), index.viewsAndTypes().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alter table org_member_member drop constraint fk_org cascade;",
            "alter table org_member_member drop column c cascade, add column d int;",
            "alter table org_member_member drop column c cascade, add constraint fk_org foreign key (organisation_id)"
                    + " references organisations (id) on delete cascade;",
            "alter table org_member_member add constraint fk_org foreign key (organisation_id)"
                    + " references organisations (id) on delete cascade, drop column c cascade;",
            "do $$ begin alter table org_member_member drop column c cascade; end $$;"
    })
    void aCascadeAmongAnAlterTablesActionsLetsGoOfEveryIndexAndView(String sql) throws IOException {
        write("20240101000000_organisations.sql", ORGANISATIONS);
        write("20240102000000_members.sql", sql);

        MigrationIndex index = MigrationIndex.scan(dir);

        assertEquals(Set.of(), indexes(index));
        assertEquals(Set.of(), index.viewsAndTypes().keySet());
    }
}
