package dev.atdd.maven;

import dev.atdd.core.Problem;
import dev.atdd.core.check.CoverageReport;
import dev.atdd.core.generate.CiEnvironment;
import dev.atdd.core.generate.GenerationReport;
import dev.atdd.core.generate.GenerationRequest;
import dev.atdd.core.generate.MigrationGenerator;
import dev.atdd.core.plan.CoveredTable;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.core.render.TableShape;
import dev.atdd.core.render.TemplateOverrides;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a Supabase migration for every persistent contract, and every declared infrastructure
 * table, whose table no migration creates yet. Never changes an existing file; a run that finds
 * nothing missing writes nothing.
 */
@Mojo(name = GenerateMigrationsMojo.GOAL, defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMigrationsMojo extends AbstractAtddMojo {

    static final String GOAL = "generate-migrations";

    @Override
    protected String goal() {
        return GOAL;
    }

    /**
     * Generate for this one contract file only (inside {@code contractsDirectory}), planned with every contract;
     * the others' problems and warnings are theirs, and do not stop the run.
     */
    @Parameter(property = "atdd.contract")
    private File contract;

    /** Enable row level security on every generated table. */
    @Parameter(property = "atdd.enableRowLevelSecurity", defaultValue = "true")
    private String enableRowLevelSecurity;

    /** Folder of FreeMarker templates; a file there replaces the built-in template of the same name. */
    @Parameter(property = "atdd.templateDirectory")
    private File templateDirectory;

    /**
     * Write the migrations of the valid contracts even when others are broken, logging each problem
     * as a warning. Off by default: one broken contract stops the run and nothing is written.
     */
    @Parameter(property = "atdd.writeValidContracts", defaultValue = "false")
    private String writeValidContracts;

    /**
     * Write no migration, and fail while one is missing: on CI, where a migration the build wrote would never
     * be committed, and the build would pass without it. There a broken contract fails the run, as in
     * check-coverage (writeValidContracts has nothing to write); a run for one {@code contract} is a run by hand,
     * and writes. Unset, it follows the environment: the variable {@code CI} (not {@code false}, {@code 0} or
     * empty), or without it {@code TF_BUILD=true} (Azure Pipelines) or {@code JENKINS_URL} (Jenkins).
     */
    @Parameter(property = "atdd.ci")
    private String ci;

    /** Where a run that found nothing missing leaves its stamp, as the checks leave theirs. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    /** The run's parameters, parsed once, and its templates, read once: for the stamp and the run alike. */
    record Settings(PlanParameters plan, GenerationRequest request, TemplateOverrides templates,
                    Optional<String> onCi) {
    }

    @Override
    protected void run() throws MojoFailureException {
        Settings settings = settings();
        // One contract asked for by name is a run by hand: only a run over every contract is stamped.
        if (contract == null && unchangedSinceLastPass(outcomeSettings(settings), contractFiles(),
                migrationFiles())) {
            return;
        }
        // One contract asked for by name is a run by hand: it writes, on CI too.
        if (contract == null && settings.onCi().isPresent()) {
            checkNothingMissing(settings.plan(), settings.onCi().get());
            return;
        }
        // Parsed only now: a build whose stamp stands does not start FreeMarker.
        MigrationGenerator generator = new MigrationGenerator(SqlTemplates.withOverrides(settings.templates()),
                Clock.systemUTC());
        // One contract asked for by name too: the others tell what its $id means and whether its table is theirs.
        GenerationReport report = generator.generate(settings.request(), contractCatalog());
        if (!report.written().isEmpty()) {
            forgetMigrationIndex();
        }
        String summary = log(report);
        if (contract != null && !report.written().isEmpty() && settings.onCi().isPresent()) {
            getLog().warn("Written on CI, as a run for one contract is a run by hand: this build commits nothing,"
                    + " so commit the migration above, or a fresh checkout still lacks it.");
        }
        if (contract == null && report.written().isEmpty() && report.skipped().isEmpty()) {
            stampPass(summary);
        }
    }

    /**
     * Why this run is on CI, as its failure tells it ({@code atdd.ci}, {@code the environment's CI=true; …}), or
     * empty when it is not: {@code ci} when set, else as the environment says ({@link CiEnvironment#evidence}).
     */
    private Optional<String> onCi() throws MojoFailureException {
        if (ci != null) {
            return flag("ci", ci) ? Optional.of("atdd.ci") : Optional.empty();
        }
        return CiEnvironment.evidence(System::getenv).map(evidence -> "the environment's " + evidence
                + "; -Datdd.ci=false writes here");
    }

    /**
     * On CI: the migrations must be in the checkout already. Fails where a run would write, telling it as
     * check-coverage does; passes (and is stamped) as a run that found nothing missing. What check-coverage
     * fails on besides is its to tell.
     */
    private void checkNothingMissing(PlanParameters parameters, String why) throws MojoFailureException {
        CoverageReport report = coverage(parameters);
        if (!report.missing().isEmpty()) {
            throw new MojoFailureException("On CI (" + why + ") generate-migrations writes no migration: one"
                    + " written here would never be committed, and the build would pass without it. See to the tables"
                    + " below where you work, and commit their migrations.\n" + report.describe(basedir()));
        }
        List<String> told = new ArrayList<>();
        report.notPersistent().forEach(skipped -> told.add(noTable(skipped)));
        told.add("On CI, nothing to generate: " + report.covered().size() + " table(s) covered, "
                + report.notPersistent().size() + " contract(s) not persistent");
        told.forEach(getLog()::info);
        stampPass(String.join("\n", told));
    }

    /**
     * {@code no table for shop/events/shipped: an event: …}, as a run that finds nothing missing tells it, with the
     * way to a table where a later rule would have asked for one ({@code content/news/feed} is no event).
     */
    private static String noTable(TablePlan.NotPersistent contract) {
        return "no table for " + contract.location().key() + ": " + contract.rule().reason()
                + contract.overruled().map(rule -> " (though " + rule.reason() + ": if it is data to keep, set its"
                + " x-artifact-metadata.persistence.strategy to jsonb or relational)").orElse("");
    }

    /** Fails on a bad parameter or template folder before a contract or migration is read. */
    Settings settings() throws MojoFailureException {
        PlanParameters plan = planParameters();
        GenerationRequest request = new GenerationRequest(contracts(), migrations(),
                Optional.ofNullable(contract).map(File::toPath),
                plan.defaultStrategy(), flag("enableRowLevelSecurity", enableRowLevelSecurity), plan.declaredTables(),
                plan.existingTables(), flag("writeValidContracts", writeValidContracts));
        TemplateOverrides templates = templateDirectory == null ? TemplateOverrides.none()
                : TemplateOverrides.read(templateDirectory.toPath().toAbsolutePath().normalize());
        return new Settings(plan, request, templates, onCi());
    }

    /**
     * What a run over every contract depends on besides the files, by parameter (see
     * {@link #unchangedSinceLastPass}). The table templates enter by the bytes the run parses them from;
     * a run that finds nothing missing renders nothing, so the files they include are not read and
     * cannot change its outcome.
     */
    Map<String, Object> outcomeSettings(Settings settings) {
        GenerationRequest request = settings.request();
        Map<String, Object> outcome = planSettings(settings.plan());
        outcome.put("enableRowLevelSecurity", request.rowLevelSecurity());
        List<String> templates = new ArrayList<>();
        for (TableShape shape : TableShape.values()) {
            settings.templates().file(shape).ifPresent(file ->
                    templates.add(contentDigest(file, settings.templates().content(shape).orElseThrow())));
        }
        outcome.put("templateDirectory", templates);
        outcome.put("writeValidContracts", request.writeValidContracts());
        // A pass on CI tells its summary in its own words.
        outcome.put("ci", settings.onCi().isPresent());
        return outcome;
    }

    @Override
    protected Path stamp() {
        return buildDirectory.toPath().toAbsolutePath().resolve("atdd").resolve(goal() + ".stamp");
    }

    /** @return what a later run with nothing changed tells again: the info lines of a run that wrote nothing */
    private String log(GenerationReport report) {
        List<String> told = new ArrayList<>();
        report.warnings().forEach(this::warnOncePerModule);
        // Under a heading of their own: the warnings above them leave no contract out.
        if (!report.skipped().isEmpty()) {
            getLog().warn(report.skipped().size() + " problem(s) left their contracts out (atdd.writeValidContracts);"
                    + " the valid ones were generated:");
        }
        for (Problem skipped : report.skipped()) {
            getLog().warn("  " + skipped.describe(basedir()));
        }
        for (GenerationReport.Written written : report.written()) {
            getLog().info("wrote " + shown(written.file()) + "  <- " + written.source());
        }
        for (CoveredTable covered : report.covered()) {
            getLog().debug("covered: " + covered.table().source() + " -> " + covered.table().table()
                    + " by " + covered.coveredBy());
        }
        report.notPersistent().forEach(skipped -> told.add(noTable(skipped)));
        String summary = report.written().size() + " migration(s) written, " + report.covered().size()
                + " table(s) already covered, " + report.notPersistent().size() + " contract(s) not persistent";
        told.add(report.written().isEmpty() ? "Nothing to generate: " + summary : summary);
        told.forEach(getLog()::info);
        if (report.written().stream().anyMatch(GenerationReport.Written::forReview)) {
            getLog().info("Relational migrations hold ⚠️ TODO lines: review them before `supabase db push`;"
                    + " atdd:check-todos fails the build until they are resolved.");
        }
        return String.join("\n", told);
    }
}
