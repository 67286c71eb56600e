package dev.atdd.core.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The index follows {@code SET search_path} the way PostgreSQL does; {@link SearchPathOnPostgresTest}
 * proves the shared cases on a real server.
 */
class MigrationIndexSearchPathTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.atdd.core.migration.SearchPathMigrations#cases")
    void indexHasThePublicTablesPostgresHas(SearchPathMigrations.Case migrations) throws IOException {
        migrations.writeTo(dir);
        MigrationIndex index = MigrationIndex.scan(dir);
        assertEquals(migrations.publicTables(), index.tables());
        assertEquals(List.of(), index.problems());
    }

    /** PostgreSQL refuses to create a table here (no schema is selected): it is no table of public either. */
    @Test
    void onlyUserLeavesNoSchemaToCreateIn() throws IOException {
        assertEquals(Set.of(), indexOf("set search_path to \"$user\"; create table t();"));
    }

    /** These change the setting of later sessions, not the migrations' own (and would change the test server). */
    @ParameterizedTest
    @ValueSource(strings = {
            "alter role postgres set search_path to app;",
            "alter database postgres set search_path to app;",
            "alter role all in database postgres set search_path = app;"
    })
    void statementsThatDoNotSetTheSessionsSearchPathChangeNothing(String sql) throws IOException {
        assertEquals(Set.of("t"), indexOf(sql + "\ncreate table t();"));
    }

    @Test
    void aSetConfigValueIsSplitAsPostgreSqlSplitsIt() {
        assertEquals(List.of("$user", "public"), SearchPath.parse(" $USER ,\tpublic ").schemas());
        assertEquals(List.of("a\"b", "My Schema"), SearchPath.parse("\"a\"\"b\", \"My Schema\"").schemas());
        // Only space, tab, newline, carriage return and form feed separate: a vertical tab is part of a name.
        assertEquals(List.of("app\u000b", "public"), SearchPath.parse("app\u000b,public").schemas());
        assertEquals(List.of(), SearchPath.parse("  ").schemas());
        for (String unreadable : new String[] {",", "a,,b", "a,", "\"open", "a b"}) {
            assertEquals(null, SearchPath.parse(unreadable), unreadable);
        }
    }

    @Test
    void aSearchPathSetLocalInOneFileDoesNotUndoTheSessionsOfAnEarlierFile() throws IOException {
        Files.writeString(dir.resolve("1_session.sql"), "set search_path to app;");
        Files.writeString(dir.resolve("2_local.sql"), "set local search_path to public; create table a();");
        Files.writeString(dir.resolve("3_table.sql"), "create table b();");
        assertEquals(Set.of("a"), MigrationIndex.scan(dir).tables());
    }

    private Set<String> indexOf(String sql) throws IOException {
        Files.writeString(dir.resolve("20240101000000_test.sql"), sql);
        return MigrationIndex.scan(dir).tables();
    }
}
