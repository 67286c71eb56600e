package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.review.Todo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TodoReportTest {

    static final Path BASE = Path.of("/project");
    static final Path FULL_REPORT = BASE.resolve("target/atdd/check-todos.json");

    private static final List<String> CHECKLIST = List.of(
            "Resolve each TODO before `supabase db push`; in a generated table, review:",
            "  - foreign keys between tables",
            "  - indexes for the queries you run",
            "  - RLS policies (who may read and write which rows)",
            "  - JSONB columns that should be normalized",
            "then delete each TODO comment, keeping any SQL on its line; this check passes when none is left.");

    @ParameterizedTest
    @CsvSource({"1, 1, ''", "10, 10, ''", "11, 10, '  … and 1 more file (target/atdd/check-todos.json lists them all)'",
            "25, 10, '  … and 15 more files (target/atdd/check-todos.json lists them all)'"})
    void atMostTenFilesAreListedAndTheRestCounted(int files, int listed, String more) {
        List<TodoReport.FileTodos> all = IntStream.rangeClosed(1, files).mapToObj(i -> file(i, 1)).toList();

        List<String> lines = describe(new TodoReport(all)).lines().toList();

        List<String> headers = lines.stream().filter(line -> line.endsWith(" (1 TODO)")).toList();
        assertEquals(listed, headers.size(), lines.toString());
        assertEquals("  supabase/migrations/" + version(1) + "_t1.sql (1 TODO)", headers.get(0));
        assertEquals("  supabase/migrations/" + version(listed) + "_t" + listed + ".sql (1 TODO)",
                headers.get(listed - 1));
        assertEquals(more.isEmpty() ? List.of() : List.of(more),
                lines.stream().filter(line -> line.contains(" more file")).toList());
    }

    @ParameterizedTest
    @CsvSource({"5, 5, ''", "6, 5, '    … and 1 more'", "12, 5, '    … and 7 more'"})
    void atMostFiveTodosPerFileAreListedAndTheRestCounted(int todos, int listed, String more) {
        List<String> lines = describe(new TodoReport(List.of(file(1, todos)))).lines().toList();

        String shown = "supabase/migrations/" + version(1) + "_t1.sql";
        List<String> todoLines = lines.stream().filter(line -> line.startsWith("    " + shown + ":")).toList();
        assertEquals(IntStream.rangeClosed(1, listed).mapToObj(line -> "    " + shown + ":" + line + ": todo " + line)
                .toList(), todoLines);
        int after = lines.indexOf(todoLines.get(listed - 1)) + 1;
        if (more.isEmpty()) {
            assertEquals(CHECKLIST.get(0), lines.get(after));
        } else {
            assertEquals(more, lines.get(after));
        }
    }

    @Test
    void oneTodoInOneFileIsSingular() {
        String text = describe(new TodoReport(List.of(file(1, 1))));

        assertTrue(text.startsWith("1 migration holds 1 unreviewed TODO:\n"
                + "  supabase/migrations/" + version(1) + "_t1.sql (1 TODO)\n"), text);
    }

    @Test
    void severalFilesAndTodosArePlural() {
        String text = describe(new TodoReport(List.of(file(1, 2), file(2, 1))));

        assertTrue(text.startsWith("2 migrations hold 3 unreviewed TODOs:\n"
                + "  supabase/migrations/" + version(1) + "_t1.sql (2 TODOs)\n"), text);
    }

    @Test
    void theReviewChecklistEndsTheMessage() {
        List<String> lines = describe(new TodoReport(List.of(file(1, 1)))).lines().toList();

        assertEquals(CHECKLIST, lines.subList(lines.size() - CHECKLIST.size(), lines.size()));
    }

    @Test
    void handWrittenTodosAloneGetNoChecklistOfTheGeneratedTables() {
        MigrationFile handWritten = new MigrationFile(BASE.resolve("supabase/migrations/20250101000000_x.sql"),
                "20250101000000", "x");

        String text = describe(new TodoReport(List.of(new TodoReport.FileTodos(handWritten,
                List.of(new Todo(3, 4, "backfill", false))))));

        assertEquals("1 migration holds 1 unreviewed TODO:\n"
                + "  supabase/migrations/20250101000000_x.sql (1 TODO)\n"
                + "    supabase/migrations/20250101000000_x.sql:3: backfill\n"
                + "Resolve each TODO before `supabase db push`, then delete each TODO comment, keeping any SQL on its"
                + " line; this check passes when none is left.", text);
    }

    @Test
    void aFileOutsideTheProjectIsShownByItsAbsolutePath() {
        MigrationFile outside = new MigrationFile(Path.of("/elsewhere/20250101000000_x.sql"), "20250101000000", "x");

        String text = describe(new TodoReport(List.of(new TodoReport.FileTodos(outside,
                List.of(new Todo(3, 4, " fix", false))))));

        assertTrue(text.contains("\n    /elsewhere/20250101000000_x.sql:3: fix\n"), text);
    }

    @Test
    void fromAnIndexOnlyFilesWithTodosCountInVersionOrder(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("20250102000000_b.sql"), "-- TODO: second\n-- ⚠️ TODO: third\n");
        Files.writeString(migrations.resolve("20250101000000_a.sql"), "create table a (id int); -- TODO: first\n");
        Files.writeString(migrations.resolve("20250103000000_c.sql"), "create table c (id int);\n");

        TodoReport report = TodoReport.of(MigrationIndex.scan(migrations));

        assertEquals(List.of("20250101000000_a.sql", "20250102000000_b.sql"),
                report.files().stream().map(f -> f.file().path().getFileName().toString()).toList());
        assertEquals(3, report.total());
        assertFalse(report.passed());
    }

    @Test
    void noFilesPass(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("20250101000000_a.sql"), "create table a (id int);\n");

        TodoReport report = TodoReport.of(MigrationIndex.scan(migrations));

        assertTrue(report.passed());
        assertEquals(0, report.total());
    }

    /** Migration number {@code n} under {@link #BASE}, with {@code todos} TODOs on lines 1.. */
    static TodoReport.FileTodos file(int n, int todos) {
        List<Todo> found = new ArrayList<>();
        for (int line = 1; line <= todos; line++) {
            found.add(new Todo(line, 4, " todo " + line + " ", true));
        }
        String version = version(n);
        return new TodoReport.FileTodos(new MigrationFile(
                BASE.resolve("supabase/migrations/" + version + "_t" + n + ".sql"), version, "t" + n), found);
    }

    private static String describe(TodoReport report) {
        return report.describe(BASE, FULL_REPORT);
    }

    private static String version(int n) {
        return String.format("202501010000%02d", n);
    }
}
