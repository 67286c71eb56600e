package dev.atdd.maven;

import static dev.atdd.maven.ProjectCopy.logged;
import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The todos project: {@code 20250101000000_shop_order.sql} holds a {@code ⚠️ TODO:} (line 2), a
 * {@code -- TODO:} comment (line 5), {@code TODO:} inside a string (line 4, data) and a
 * {@code -- FIXME:} comment (line 7); {@code 20250102000000_shop_cart.sql} is clean.
 */
@MojoTest
class CheckTodosMojoTest {

    private static final String ORDER = "supabase/migrations/20250101000000_shop_order.sql";

    @TempDir
    Path work;

    @Test
    @Basedir("src/test/projects/todos")
    void theMarkersAndSwitchHaveTheDocumentedDefaults(@InjectMojo(goal = "check-todos") CheckTodosMojo mojo)
            throws Exception {
        assertEquals(List.of("TODO:"), getVariableValueFromObject(mojo, "markers"));
        assertEquals("true", getVariableValueFromObject(mojo, "failOnTodo"));
    }

    @Test
    @InjectMojo(goal = "check-todos", pom = "src/test/projects/todos/pom.xml")
    void unreviewedTodosFailTheBuildListingFileLineAndText(CheckTodosMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("todos", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class,
                () -> project.pointAt(mojo).execute());

        List<String> lines = failure.getMessage().lines().toList();
        assertEquals(List.of(
                "1 migration holds 2 unreviewed TODOs:",
                "  " + ORDER + " (2 TODOs)",
                "    " + ORDER + ":2: add the foreign key to customers",
                "    " + ORDER + ":5: index on note"), lines.subList(0, 4));
        assertTrue(lines.get(4).startsWith("Resolve each TODO before"), lines.toString());
        JsonNode report = report(project);
        assertEquals(2, report.get("total").asInt());
        assertEquals(ORDER, report.get("files").get(0).get("file").asText());
    }

    @Test
    @InjectMojo(goal = "check-todos", pom = "src/test/projects/todos/pom.xml")
    void handWrittenTodosInMoreFilesThanShownPointAtTheReportAndGetNoGeneratedTableChecklist(CheckTodosMojo mojo)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("todos", work);
        Files.delete(project.root().resolve(ORDER));
        for (int i = 10; i <= 20; i++) {
            project.write("supabase/migrations/202502010000" + i + "_backfill.sql", "-- TODO: backfill " + i + "\n");
        }

        MojoFailureException failure = assertThrows(MojoFailureException.class,
                () -> project.pointAt(mojo).execute());

        List<String> lines = failure.getMessage().lines().toList();
        assertEquals(List.of("  … and 1 more file (target/atdd/check-todos.json lists them all)",
                "Resolve each TODO before `supabase db push`, then delete each TODO comment, keeping any SQL on its"
                        + " line; this check passes when none is left."), lines.subList(lines.size() - 2, lines.size()));
        assertEquals(11, report(project).get("files").size());
    }

    @Test
    @InjectMojo(goal = "check-todos", pom = "src/test/projects/todos/pom.xml")
    void noTodoLeftPasses(CheckTodosMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("todos", work);
        Files.delete(project.root().resolve(ORDER));

        project.pointAt(mojo).execute();

        assertEquals(List.of("No unreviewed TODO in 1 migration(s)."), logged(mojo, "info"));
        JsonNode report = report(project);
        assertTrue(report.get("passed").asBoolean());
        assertEquals(0, report.get("files").size());
    }

    @Test
    @InjectMojo(goal = "check-todos", pom = "src/test/projects/todos/pom.xml")
    @MojoParameter(name = "failOnTodo", value = "false")
    void withFailOnTodoFalseTheTodosAreOnlyWarnings(CheckTodosMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("todos", work);

        project.pointAt(mojo).execute();

        assertTrue(logged(mojo, "warn").contains("    " + ORDER + ":5: index on note"), logged(mojo, "warn").toString());
        assertFalse(report(project).get("passed").asBoolean());
    }

    @Test
    @InjectMojo(goal = "check-todos", pom = "src/test/projects/todos/pom.xml")
    void customMarkersReplaceTheCommentMarkerButNotTheWarningSign(CheckTodosMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("todos", work);
        project.pointAt(mojo);
        setVariableValueToObject(mojo, "markers", List.of("FIXME:"));

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        List<String> found = failure.getMessage().lines().filter(line -> line.startsWith("    " + ORDER)).toList();
        assertEquals(List.of(
                "    " + ORDER + ":2: add the foreign key to customers",
                "    " + ORDER + ":7: rename note to remark"), found);
    }

    @Test
    @InjectMojo(goal = "check-todos", pom = "src/test/projects/todos/pom.xml")
    @MojoParameter(name = "markers", value = "FIXME:,TODO:")
    void markersGivenAsCommaSeparatedTextAreEachUsed(CheckTodosMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("todos", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class,
                () -> project.pointAt(mojo).execute());

        assertEquals(List.of("FIXME:", "TODO:"), getVariableValueFromObject(mojo, "markers"));
        assertTrue(failure.getMessage().startsWith("1 migration holds 3 unreviewed TODOs:"), failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "check-todos", pom = "src/test/projects/todos/pom.xml")
    void aBlankMarkerIsTheUsersToFixNotAnInternalError(CheckTodosMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("todos", work);
        project.pointAt(mojo);
        setVariableValueToObject(mojo, "markers", List.of("TODO:", " "));

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("a TODO marker must not be blank", failure.getMessage());
        assertFalse(Files.exists(project.reports().resolve("check-todos.json")), "no report of a scan that did not run");
    }

    private static JsonNode report(ProjectCopy project) throws Exception {
        return new ObjectMapper().readTree(project.reports().resolve("check-todos.json").toFile());
    }
}
