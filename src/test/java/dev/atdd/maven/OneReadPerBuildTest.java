package dev.atdd.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals of one build share what the first of them read (Maven's plugin context): each
 * migration and each contract is read once per build, however many checks are bound.
 */
@MojoTest
class OneReadPerBuildTest {

    @TempDir
    Path work;

    @Test
    void theChecksOfOneBuildShareOneScanOfTheMigrations(
            @InjectMojo(goal = "check-todos", pom = "src/test/projects/shop/pom.xml") CheckTodosMojo todos,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo coverage)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("shop", work);
        Map<String, Object> build = oneBuild(project, todos, coverage);
        setVariableValueToObject(coverage, "failOnMissing", false);

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

    /** The goals of one build of {@code project}: pointed at it, sharing one plugin context, which is returned. */
    private static Map<String, Object> oneBuild(ProjectCopy project, AbstractAtddMojo... goals)
            throws IllegalAccessException {
        Map<String, Object> build = new HashMap<>();
        for (AbstractAtddMojo goal : goals) {
            project.pointAt(goal).setPluginContext(build);
        }
        return build;
    }
}
