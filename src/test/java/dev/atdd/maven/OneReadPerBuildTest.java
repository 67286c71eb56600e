package dev.atdd.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
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
        Map<String, Object> build = new HashMap<>();
        project.pointAt(todos).setPluginContext(build);
        project.pointAt(coverage).setPluginContext(build);
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
    void generatingMigrationsMakesTheNextGoalReadTheFolderAgain(
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo before,
            @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/shop/pom.xml")
            GenerateMigrationsMojo generate,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo after)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("shop", work);
        Map<String, Object> build = new HashMap<>();
        for (var mojo : new AbstractAtddMojo[] {before, generate, after}) {
            project.pointAt(mojo).setPluginContext(build);
        }

        assertThrows(MojoFailureException.class, before::execute);
        generate.execute();
        after.execute();

        assertTrue(project.read("target/atdd/check-coverage.json").contains("\"passed\" : true"));
    }
}
