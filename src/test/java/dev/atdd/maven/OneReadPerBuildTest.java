package dev.atdd.maven;

import static dev.atdd.maven.ProjectCopy.logged;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.spy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.monitor.logging.DefaultLog;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.logging.Logger;
import org.codehaus.plexus.logging.console.ConsoleLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals of one build share what the first of them read (Maven's plugin context): each
 * migration and each contract is read once per build, however many checks are bound, and a warning
 * about one is logged once.
 */
@MojoTest
class OneReadPerBuildTest {

    /** What {@link #withTwoWarnings} makes the goals warn about. */
    private static final List<String> TWO_WARNINGS = List.of(
            "supabase/migrations/notes.sql: the Supabase CLI skips this file: its name does not match"
                    + " {version}_{name}.sql with a numeric version; rename it to {yyyyMMddHHmmss}_notes.sql, with a"
                    + " version (a UTC time) that keeps it in order",
            "contracts/loose.schema.json: not a table contract: it lies less than two folders deep"
                    + " ({theme}/{domain}/{aspect}.schema.json)");

    @TempDir
    Path work;

    @Test
    void theChecksOfOneBuildShareOneScanOfTheMigrations(
            @InjectMojo(goal = "check-todos", pom = "src/test/projects/shop/pom.xml") CheckTodosMojo todos,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo coverage)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("shop", work);
        Map<String, Object> build = oneBuild(project, todos, coverage);
        setVariableValueToObject(coverage, "failOnMissing", "false");

        todos.execute();
        Object scan = build.get("atdd.migrations " + project.migrations());
        // Were the folder read again, the coverage check would miss the table of this file.
        Files.delete(project.migrations().resolve("20250101000000_shop_cart_cart.sql"));
        coverage.execute();

        assertSame(scan, build.get("atdd.migrations " + project.migrations()));
        assertTrue(Files.readString(project.reports().resolve("check-coverage.json"))
                .contains("\"coveredBy\" : \"20250101000000_shop_cart_cart.sql:2\""));
    }

    @Test
    void generatingMigrationsAndCheckingCoverageReadEachContractOnce(
            @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/shop/pom.xml")
            GenerateMigrationsMojo generate,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo coverage)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("shop", work);
        Map<String, Object> build = oneBuild(project, generate, coverage);
        String key = "atdd.contracts " + project.root().resolve("contracts");

        generate.execute();
        Object catalog = build.get(key);
        // Were the contracts read again, the coverage check would fail on this file instead of passing.
        project.write("contracts/shop/order/order.schema.json", "{ not a contract");
        coverage.execute();

        assertNotNull(catalog, "generate-migrations shares the contracts it read");
        assertSame(catalog, build.get(key));
        assertTrue(project.read("target/atdd/check-coverage.json").contains("\"passed\" : true"));
    }

    @Test
    void generatingMigrationsMakesTheNextGoalReadTheFolderAgain(
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo before,
            @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/shop/pom.xml")
            GenerateMigrationsMojo generate,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo after)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("shop", work);
        oneBuild(project, before, generate, after);

        assertThrows(MojoFailureException.class, before::execute);
        generate.execute();
        after.execute();

        assertTrue(project.read("target/atdd/check-coverage.json").contains("\"passed\" : true"));
    }

    @Test
    void theChecksOfOneBuildLogEachWarningOnce(
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo coverage,
            @InjectMojo(goal = "check-todos", pom = "src/test/projects/shop/pom.xml") CheckTodosMojo todos)
            throws Exception {
        ProjectCopy project = withTwoWarnings(ProjectCopy.ofTestProject("shop", work));
        project.write("supabase/migrations/20250102000000_shop_order_order.sql",
                "create table shop_order_order (id uuid primary key);\n");
        oneBuild(project, coverage, todos);

        coverage.execute();
        todos.execute();

        assertEquals(TWO_WARNINGS, logged(coverage, "warn"));
        assertEquals(List.of(), logged(todos, "warn"));
    }

    @Test
    void goalsThatReadTheFilesAgainDoNotRepeatAWarningOfTheBuild(
            @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/shop/pom.xml")
            GenerateMigrationsMojo generate,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo coverage,
            @InjectMojo(goal = "check-todos", pom = "src/test/projects/shop/pom.xml") CheckTodosMojo todos)
            throws Exception {
        ProjectCopy project = withTwoWarnings(ProjectCopy.ofTestProject("shop", work));
        oneBuild(project, generate, coverage, todos);
        // Other markers than the shared scan's: check-todos scans the listed files again.
        setVariableValueToObject(todos, "markers", List.of("FIXME:"));

        generate.execute();
        // It wrote a migration: check-coverage reads the folder again.
        coverage.execute();
        todos.execute();

        assertEquals(TWO_WARNINGS, logged(generate, "warn"));
        assertEquals(List.of(), logged(coverage, "warn"));
        assertEquals(List.of(), logged(todos, "warn"));
    }

    /** Adds a contract the catalog skips and a migration the Supabase CLI skips: one warning each. */
    private static ProjectCopy withTwoWarnings(ProjectCopy project) throws Exception {
        project.write("contracts/loose.schema.json", "{}");
        project.write("supabase/migrations/notes.sql", "-- notes, not a migration\n");
        return project;
    }

    /**
     * The goals of one build of {@code project}: pointed at it, sharing one plugin context, which is
     * returned. Each gets a log of its own (the harness gives them one between them), so that a test
     * can tell which goal logged what.
     */
    private static Map<String, Object> oneBuild(ProjectCopy project, AbstractAtddMojo... goals)
            throws IllegalAccessException {
        Map<String, Object> build = new HashMap<>();
        for (AbstractAtddMojo goal : goals) {
            project.pointAt(goal).setPluginContext(build);
            goal.setLog(spy(new DefaultLog(new ConsoleLogger(Logger.LEVEL_DISABLED, "atdd"))));
        }
        return build;
    }
}
