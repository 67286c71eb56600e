package dev.atdd.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.check.JsonReport;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the verify-phase checks share: the JSON report, and failing or only warning. */
abstract class AbstractCheckMojo extends AbstractAtddMojo {

    /** Where each check writes {@code <goal>.json} with what it found, for CI to read. */
    @Parameter(property = "atdd.reportDirectory", defaultValue = "${project.build.directory}/atdd")
    protected File reportDirectory;

    /**
     * Writes the report, then fails the build with {@code failure} (or only logs it as warnings when
     * {@code fail} is false) unless the check passed.
     */
    protected void conclude(String goal, ObjectNode report, boolean passed, String success, String failure,
                            boolean fail) throws MojoFailureException {
        JsonReport.write(reportDirectory.toPath().resolve(goal + ".json"), report);
        if (passed) {
            getLog().info(success);
        } else if (fail) {
            throw new MojoFailureException(failure);
        } else {
            failure.lines().forEach(getLog()::warn);
        }
    }
}
