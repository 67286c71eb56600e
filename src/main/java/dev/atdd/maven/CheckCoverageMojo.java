package dev.atdd.maven;

import dev.atdd.core.check.CoverageReport;
import dev.atdd.core.check.JsonReport;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when a persistent contract (or a declared infrastructure table) has no table in
 * the migrations, listing each one, and when a relational contract holds a property the type
 * mapping cannot turn into a column.
 */
@Mojo(name = CheckCoverageMojo.GOAL, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckCoverageMojo extends AbstractCheckMojo {

    static final String GOAL = "check-coverage";

    @Override
    protected String goal() {
        return GOAL;
    }

    /** Fail the build on a finding ({@code false}: warn and go on). */
    @Parameter(property = "atdd.failOnMissing", defaultValue = "true")
    private String failOnMissing;

    @Override
    protected void run() throws MojoFailureException {
        boolean fail = flag("failOnMissing", failOnMissing);
        PlanParameters parameters = planParameters();
        if (unchangedSinceLastPass(outcomeSettings(parameters), contractFiles(), migrationFiles())) {
            return;
        }
        CoverageReport report = coverage(parameters);
        conclude(JsonReport.of(report, basedir()), report.passed(),
                "Every persistent contract has its table: " + report.covered().size() + " covered, "
                        + report.notPersistent().size() + " not persistent.",
                report.passed() ? "" : report.describe(basedir()), fail);
    }

    /** What this check's stamp depends on besides the files, by parameter (see {@link #unchangedSinceLastPass}). */
    Map<String, Object> outcomeSettings(PlanParameters parameters) throws MojoFailureException {
        Map<String, Object> settings = planSettings(parameters);
        settings.put("failOnMissing", flag("failOnMissing", failOnMissing));
        return settings;
    }
}
