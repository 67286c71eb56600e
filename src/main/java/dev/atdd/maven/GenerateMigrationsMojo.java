package dev.atdd.maven;

import dev.atdd.core.Problem;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.generate.GenerationReport;
import dev.atdd.core.generate.GenerationRequest;
import dev.atdd.core.generate.MigrationGenerator;
import dev.atdd.core.render.SqlTemplates;
import java.io.File;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a Supabase migration for every persistent contract, and every declared infrastructure
 * table, whose table no migration creates yet. Never changes an existing file; a run that finds
 * nothing missing writes nothing.
 */
@Mojo(name = "generate-migrations", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMigrationsMojo extends AbstractAtddMojo {

    /** Generate for this one contract file only (inside {@code contractsDirectory}). */
    @Parameter(property = "atdd.contract")
    private File contract;

    /** Shape of a persistent contract that sets no {@code persistence.strategy}: {@code jsonb} or {@code relational}. */
    @Parameter(property = "atdd.defaultStrategy", defaultValue = "jsonb")
    private String defaultStrategy;

    /** Enable row level security on every generated table. */
    @Parameter(property = "atdd.enableRowLevelSecurity", defaultValue = "true")
    private boolean enableRowLevelSecurity;

    /** Folder of FreeMarker templates; a file there replaces the built-in template of the same name. */
    @Parameter(property = "atdd.templateDirectory")
    private File templateDirectory;

    /** Tables no contract describes: event logs, caches and job queues. */
    @Parameter(property = "atdd.infrastructureTables")
    private List<InfrastructureTable> infrastructureTables;

    @Override
    protected void run() {
        Strategy strategy = Strategy.parse(defaultStrategy.trim())
                .filter(s -> s != Strategy.NONE)
                .orElseThrow(() -> new IllegalArgumentException(
                        "defaultStrategy must be jsonb or relational, found \"" + defaultStrategy + "\""));
        List<dev.atdd.core.infrastructure.InfrastructureTable> declared = new ArrayList<>();
        if (infrastructureTables != null) {
            infrastructureTables.forEach(table -> declared.add(table.toCore()));
        }
        SqlTemplates templates = templateDirectory == null
                ? SqlTemplates.builtIn()
                : SqlTemplates.withOverrides(templateDirectory.toPath().toAbsolutePath().normalize());

        GenerationRequest request = new GenerationRequest(contracts(), migrations(),
                Optional.ofNullable(contract).map(file -> file.toPath().toAbsolutePath().normalize()),
                strategy, enableRowLevelSecurity, declared, existingTableNames());
        GenerationReport report = new MigrationGenerator(templates, Clock.systemUTC()).generate(request);
        log(report);
    }

    private void log(GenerationReport report) {
        for (Problem warning : report.warnings()) {
            getLog().warn(warning.describe(basedir()));
        }
        for (GenerationReport.Written written : report.written()) {
            getLog().info("wrote " + shown(written.file()) + "  <- " + written.source());
        }
        for (GenerationReport.Covered covered : report.covered()) {
            getLog().debug("covered: " + covered.source() + " -> " + covered.table() + " by " + covered.coveredBy());
        }
        for (GenerationReport.NotPersistent skipped : report.notPersistent()) {
            getLog().info("no table for " + skipped.location().key() + ": " + skipped.rule().reason());
        }
        String summary = report.written().size() + " migration(s) written, " + report.covered().size()
                + " table(s) already covered, " + report.notPersistent().size() + " contract(s) not persistent";
        getLog().info(report.written().isEmpty() ? "Nothing to generate: " + summary : summary);
        if (report.written().stream().anyMatch(w -> w.source().endsWith("(relational)"))) {
            getLog().info("Relational migrations hold ⚠️ TODO lines: review them before `supabase db push`;"
                    + " atdd:check-todos fails the build until they are resolved.");
        }
    }
}
