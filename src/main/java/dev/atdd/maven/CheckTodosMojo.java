package dev.atdd.maven;

import dev.atdd.core.check.JsonReport;
import dev.atdd.core.check.TodoReport;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.review.TodoScanner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build while a migration still holds an unreviewed TODO: a line with {@code ⚠️ TODO:}
 * anywhere, or one of the markers ({@code TODO:} by default) inside an SQL comment.
 */
@Mojo(name = CheckTodosMojo.GOAL, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckTodosMojo extends AbstractCheckMojo {

    static final String GOAL = "check-todos";

    @Override
    protected String goal() {
        return GOAL;
    }

    /** Markers that make an SQL comment an unreviewed TODO ({@code ⚠️ TODO:} always counts). */
    @Parameter(property = "atdd.markers", defaultValue = "TODO:")
    private List<String> markers;

    /** Fail the build on an unreviewed TODO ({@code false}: warn and go on). */
    @Parameter(property = "atdd.failOnTodo", defaultValue = "true")
    private String failOnTodo;

    @Override
    protected void run() throws MojoFailureException {
        boolean fail = flag("failOnTodo", failOnTodo);
        if (unchangedSinceLastPass(outcomeSettings(), migrationFiles())) {
            return;
        }
        MigrationIndex index = migrationIndex(Optional.of(commentMarkers()));
        TodoReport report = TodoReport.of(index);
        conclude(JsonReport.of(report, basedir()), report.passed(),
                "No unreviewed TODO in " + index.files().size() + " migration(s).",
                report.passed() ? "" : report.describe(basedir(), report()), fail);
    }

    /** What this check's stamp depends on besides the files, by parameter (see {@link #unchangedSinceLastPass}). */
    Map<String, Object> outcomeSettings() throws MojoFailureException {
        return Map.of("migrationsDirectory", migrations(), "markers", commentMarkers(),
                "failOnTodo", flag("failOnTodo", failOnTodo));
    }

    private List<String> commentMarkers() throws MojoFailureException {
        List<String> given = markers == null || markers.isEmpty() ? TodoScanner.DEFAULT_COMMENT_MARKERS : markers;
        return parameter(() -> new TodoScanner(given)).commentMarkers();
    }
}
