package dev.atdd.maven;

import dev.atdd.core.check.JsonReport;
import dev.atdd.core.database.MigrationFailedException;
import dev.atdd.core.database.ScratchDatabase;
import dev.atdd.core.database.ScratchDatabaseException;
import dev.atdd.core.database.ServerUrl;
import dev.atdd.core.database.SqlScript;
import dev.atdd.core.database.SupabaseGap;
import dev.atdd.core.database.SupabasePrelude;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.verify.MigrationVerifier;
import dev.atdd.core.verify.TableAdvice;
import dev.atdd.core.verify.RowLevelSecurityCheck;
import dev.atdd.core.verify.VerificationReport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Applies every migration, in version order and each in its own transaction, to a throwaway
 * PostgreSQL 15 (embedded, or a fresh database on the server given by {@code jdbcUrl}), then checks
 * the database itself against the contracts: every persistent contract's table exists (or is listed
 * in {@code existingTables}), relational columns have the mapped type, nullability and CHECKs, and
 * public tables have row level security.
 */
@Mojo(name = VerifyMigrationsMojo.GOAL, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMigrationsMojo extends AbstractCheckMojo {

    static final String GOAL = "verify-migrations";

    @Override
    protected String goal() {
        return GOAL;
    }

    /** The database {@code supabase start} runs, with its default port. */
    private static final String SUPABASE_LOCAL_URL = "jdbc:postgresql://127.0.0.1:54322/postgres";

    /**
     * A PostgreSQL server to work on instead of the embedded one, {@code jdbc:postgresql://host[:port]/database};
     * a scratch database is created there and dropped.
     */
    @Parameter(property = "atdd.jdbcUrl")
    private String jdbcUrl;

    /** User for {@code jdbcUrl}. */
    @Parameter(property = "atdd.username")
    private String username;

    /** Password for {@code jdbcUrl}. */
    @Parameter(property = "atdd.password")
    private String password;

    /** Create what Supabase provides (roles, auth and storage schemas, auth.uid(), …) before the migrations. */
    @Parameter(property = "atdd.supabasePrelude", defaultValue = "true")
    private String supabasePrelude;

    /** An SQL file run after the built-in prelude (or instead of it when {@code supabasePrelude} is false). */
    @Parameter(property = "atdd.preludeFile")
    private File preludeFile;

    /** What a public table without row level security does: {@code fail}, {@code warn} or {@code off}. */
    @Parameter(property = "atdd.rowLevelSecurityCheck", defaultValue = "fail")
    private String rowLevelSecurityCheck;

    /** Fail the build on drift between the contracts and the schema ({@code false}: warn). */
    @Parameter(property = "atdd.failOnDrift", defaultValue = "true")
    private String failOnDrift;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> pluginRepositories;

    /** The run's parameters, parsed once (the prelude file read once) for the stamp and the run alike. */
    record Settings(RowLevelSecurityCheck rowLevelSecurity, boolean failOnAnyDrift, SupabasePrelude prelude,
            Optional<ServerUrl> server, PlanParameters plan) {
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Settings settings = settings();
        Optional<ServerUrl> server = settings.server();
        if (server.isPresent()) {
            // The user's server may change between builds (its version, its template database) unseen.
            checkEveryTime();
        } else if (unchangedSinceLastPass(outcomeSettings(settings), contractFiles(), migrationFiles())) {
            return;
        }
        TablePlan plan = tablePlan(settings.plan());
        MigrationIndex index = migrationIndex(Optional.empty());

        VerificationReport report;
        try {
            report = new MigrationVerifier(database(server), settings.prelude())
                    .verify(plan, index, settings.plan().existingTables());
        } catch (MigrationFailedException e) {
            throw new MojoFailureException(rejection(e, settings, index));
        } catch (ScratchDatabaseException e) {
            throw new MojoExecutionException("cannot run the scratch PostgreSQL: " + e.getMessage(), e);
        } catch (DatabaseLibraries.Unavailable e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        boolean nothingToVerify = MigrationVerifier.nothingToVerify(plan, index);
        if (!nothingToVerify) {
            getLog().info("Applied " + report.applied().size() + " migration(s) on "
                    + server.map(url -> "a scratch database on " + url.shown()).orElse("an embedded PostgreSQL 15")
                    + ".");
        }

        VerificationReport.Verdict verdict = report.verdict(settings.rowLevelSecurity(), settings.failOnAnyDrift(), basedir());
        verdict.warnings().forEach(this::warnOfFinding);
        conclude(JsonReport.of(report, verdict, basedir()), verdict.passed(),
                nothingToVerify ? "No migration in " + shown(migrations()) + " and no table to check: no database started."
                        : report.drift().isEmpty() ? "The migrations build every table the contracts ask for."
                        : "The migrations differ from the contracts as warned above (failOnDrift=false).",
                verdict.failure(), true);
    }

    Settings settings() throws MojoFailureException {
        Optional<ServerUrl> server = jdbcUrl == null || jdbcUrl.isBlank() ? Optional.empty()
                : Optional.of(parameter(() -> ServerUrl.parse(jdbcUrl)));
        return new Settings(parameter(() -> RowLevelSecurityCheck.parse(rowLevelSecurityCheck)),
                flag("failOnDrift", failOnDrift), prelude(flag("supabasePrelude", supabasePrelude)), server,
                planParameters());
    }

    /**
     * What a run on the embedded server depends on besides the files, by parameter (see
     * {@link #unchangedSinceLastPass}); the server comes with the plugin's build. The prelude file
     * enters by the text the run applies.
     */
    Map<String, Object> outcomeSettings(Settings settings) throws MojoFailureException {
        SupabasePrelude prelude = settings.prelude();
        String userPrelude = prelude.userScript()
                .map(script -> contentDigest(script.file(), script.text().getBytes(StandardCharsets.UTF_8)))
                .orElse("none");
        Map<String, Object> outcome = planSettings(settings.plan());
        outcome.put("supabasePrelude", prelude.includesBuiltIn());
        outcome.put("preludeFile", userPrelude);
        outcome.put("rowLevelSecurityCheck", settings.rowLevelSecurity());
        outcome.put("failOnDrift", settings.failOnAnyDrift());
        return outcome;
    }

    /**
     * What the server rejected, a prelude (run before any migration) or a migration, located, and the
     * Supabase advice when what it needs is what only Supabase has, or the typo when Supabase lacks it too.
     */
    private String rejection(MigrationFailedException e, Settings settings, MigrationIndex index) {
        Path file = e.failure().file();
        boolean inPrelude = settings.prelude().scripts().stream().map(SqlScript::file).anyMatch(file::equals);
        String title = inPrelude
                ? (file.equals(SupabasePrelude.BUILT_IN_FILE) ? "The built-in Supabase prelude" : "The prelude file")
                        + " does not apply on PostgreSQL 15:"
                : "A migration does not apply on PostgreSQL 15 (" + e.applied().size() + " applied before it):";
        return title + "\n" + e.failure().render(basedir())
                + e.failure().supabaseGap().map(gap -> supabaseAdvice(gap, settings, !inPrelude))
                .or(() -> e.failure().supabaseTypo().map(typo -> "\n" + typo))
                .or(() -> inPrelude ? Optional.empty() : TableAdvice.of(e.failure(), index,
                        settings.plan().existingTables()).map(advice -> "\n" + advice))
                .orElse("");
    }

    /**
     * How to verify a script that needs what only Supabase has, as fits the run: on the embedded server
     * or the user's, with or without the built-in prelude; a prelude file can make a schema's objects but
     * not an extension the server lacks, and is no remedy for itself.
     */
    static String supabaseAdvice(SupabaseGap gap, Settings settings, boolean inMigration) {
        boolean usersServer = settings.server().isPresent();
        StringBuilder advice = new StringBuilder("\n").append(gap.what())
                .append(usersServer ? " is not on the server at jdbcUrl: " : " is not on this PostgreSQL 15: ")
                .append(settings.prelude().includesBuiltIn()
                        ? "a Supabase database has more than the Supabase prelude makes"
                        : "the Supabase prelude is off (supabasePrelude=false), and a Supabase database has what it"
                        + " makes and more")
                .append(" (the plugin's docs/supabase-prelude.md lists what it makes)")
                .append(gap.extension() ? ", and a prelude file cannot install an extension the server lacks" : "")
                // The title names which prelude failed: built-in or the user's file.
                .append(". If the ").append(inMigration ? "migration" : "prelude").append(" is right on Supabase, ");
        if (gap.extension() && usersServer) {
            advice.append("install the extension on that server, or ");
        } else if (gap.role() && usersServer) {
            // A prelude file's CREATE ROLE would stay on the server and fail the next run.
            advice.append("create the role on that server, or ");
        } else if (!gap.extension() && inMigration) {
            advice.append("create what it needs in a preludeFile, or ");
        }
        return advice.append("verify on the database `supabase start` runs (").append(usersServer
                        ? "jdbcUrl " + SUPABASE_LOCAL_URL
                        : "-Datdd.jdbcUrl=" + SUPABASE_LOCAL_URL + " -Datdd.username=postgres -Datdd.password=postgres")
                .append(").").toString();
    }

    /**
     * Called once the contracts and migrations passed their checks: only then are the libraries
     * fetched (the driver alone for the user's server).
     */
    private Supplier<ScratchDatabase> database(Optional<ServerUrl> server) {
        return () -> {
            DatabaseLibraries.provide(server.isEmpty(), getClass().getClassLoader(), repositorySystem,
                    repositorySession, pluginRepositories);
            return server.isEmpty() ? ScratchDatabase.embedded()
                    : ScratchDatabase.onServer(server.get().url(), username, password);
        };
    }

    /** Reads the prelude file: a bad one fails the run before a contract or migration is read. */
    private SupabasePrelude prelude(boolean builtIn) {
        if (preludeFile == null) {
            return builtIn ? SupabasePrelude.builtIn() : SupabasePrelude.none();
        }
        SqlScript userScript = SqlScript.read(preludeFile.toPath().toAbsolutePath().normalize());
        return builtIn ? SupabasePrelude.builtInThen(userScript) : SupabasePrelude.userFileOnly(userScript);
    }
}
