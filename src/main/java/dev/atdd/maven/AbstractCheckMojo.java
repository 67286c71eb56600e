package dev.atdd.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.check.JsonReport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the verify-phase checks share: the JSON report, failing or only warning, and a stamp of each
 * pass beside it (verify-migrations stamps only its runs on the embedded server, whose build comes
 * with the plugin).
 */
abstract class AbstractCheckMojo extends AbstractAtddMojo {

    /** Where each check writes {@code <goal>.json} with what it found, for CI to read. */
    @Parameter(property = "atdd.reportDirectory", defaultValue = "${project.build.directory}/atdd")
    protected File reportDirectory;

    /**
     * Writes the report, then fails the build with {@code failure} (or only logs it as warnings when
     * {@code fail} is false) unless the check passed; a pass is stamped (see {@link #unchangedSinceLastPass}).
     */
    protected void conclude(ObjectNode report, boolean passed, String success, String failure,
                            boolean fail) throws MojoFailureException {
        JsonReport.write(report(), report);
        if (passed) {
            getLog().info(success);
            stampPass(success);
        } else if (fail) {
            throw new MojoFailureException(failure);
        } else {
            failure.lines().forEach(getLog()::warn);
        }
    }

    /** A check's stamp stands only beside the report it passed with. */
    @Override
    protected boolean outputStillThere() {
        return Files.isRegularFile(report());
    }

    /**
     * The last run's report goes with its stamp: a run that fails before it concludes (a broken contract,
     * a migration that does not apply) must not leave a report of an earlier pass for CI to read.
     */
    @Override
    protected void forgetLastPass() {
        super.forgetLastPass();
        try {
            Files.deleteIfExists(report());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the report of the last run " + report(), e);
        }
    }

    @Override
    protected Path stamp() {
        return reportDirectory.toPath().toAbsolutePath().resolve(goal() + ".stamp");
    }

    /** The goal's JSON report, {@code <reportDirectory>/<goal>.json}. */
    protected Path report() {
        return reportDirectory.toPath().toAbsolutePath().resolve(goal() + ".json");
    }
}
