package dev.atdd.maven;

import dev.atdd.core.DisplayPath;
import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.Sha256;
import dev.atdd.core.check.CheckStamp;
import dev.atdd.core.check.CoverageReport;
import dev.atdd.core.check.InputDigest;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.ContractFiles;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.migration.MigrationFiles;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.naming.TableName;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.review.TodoScanner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the contracts and migrations are, tables made elsewhere, the skip
 * switch, and one mapping of core failures to Maven's two kinds: the user's input is wrong
 * ({@link MojoFailureException}) or something broke ({@link MojoExecutionException}).
 */
abstract class AbstractAtddMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** The modules this project aggregates, as a parent pom's: they inherit its plugin configuration. */
    @Parameter(defaultValue = "${project.modules}", readonly = true)
    protected List<String> modules;

    /** The plugins this project's own {@code <build><plugins>} lists (not those of its {@code <pluginManagement>}). */
    @Parameter(defaultValue = "${project.buildPlugins}", readonly = true)
    protected List<Plugin> buildPlugins;

    /** This plugin, to find it among {@link #buildPlugins}. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor pluginDescriptor;

    /**
     * Root of the JSON Schema contracts, laid out as <code>{theme}/{domain}/{aspect}.schema.json</code>.
     * Not read by check-todos.
     */
    @Parameter(property = "atdd.contractsDirectory", defaultValue = "${project.basedir}/contracts", required = true)
    protected File contractsDirectory;

    /** The Supabase migrations folder. */
    @Parameter(property = "atdd.migrationsDirectory", defaultValue = "${project.basedir}/supabase/migrations",
            required = true)
    protected File migrationsDirectory;

    /**
     * Tables that exist although no migration here creates them (made by Supabase itself, or by
     * another module's migrations). A contract whose table is listed counts as covered, and
     * verify-migrations does not count its absence from the scratch database as drift. Not read by
     * check-todos.
     */
    @Parameter(property = "atdd.existingTables")
    protected List<String> existingTables;

    /**
     * Shape of a persistent contract that sets no {@code persistence.strategy}: {@code jsonb} or
     * {@code relational}. Not read by check-todos.
     */
    @Parameter(property = "atdd.defaultStrategy", defaultValue = "jsonb")
    protected String defaultStrategy;

    /** Tables no contract describes: event logs, caches and job queues. Not read by check-todos. */
    @Parameter(property = "atdd.infrastructureTables")
    protected List<InfrastructureTable> infrastructureTables;

    /** Skips every atdd goal. */
    @Parameter(property = "atdd.skip", defaultValue = "false")
    protected String skip;

    /** Every warning this goal had about the input, whether or not an earlier goal logged it already. */
    private final List<String> warnings = new ArrayList<>();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (flag("skip", skip)) {
            getLog().info("atdd: skipped (atdd.skip)");
            return;
        }
        if (aggregatesModules() && !listedInBuildPlugins()) {
            // Only a goal named on the command line runs here: `mvn atdd:…` at the root runs it on every project
            // of the reactor, and on the parent with the managed configuration, whose folders name the modules'.
            getLog().info("atdd: skipped in this parent pom, whose <plugins> do not list the atdd plugin"
                    + " (it is in <pluginManagement> only): its modules run it");
            return;
        }
        try {
            runSettlingTheLastPass();
        } catch (InvalidInputException e) {
            int count = e.problems().size();
            throw new MojoFailureException(count == 1 ? e.describe(basedir())
                    : count + " problems:\n" + e.describe(basedir()).indent(2).stripTrailing());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The goal's name, as its stamp and report are named. */
    protected abstract String goal();

    /**
     * Runs the goal; one stopped before it looked at the last pass (a wrong setting, a folder that cannot be
     * listed) forgets that pass too, so that no report of it is left for CI to read beside a failed build.
     */
    private void runSettlingTheLastPass() throws MojoExecutionException, MojoFailureException {
        boolean stopped = true;
        try {
            run();
            stopped = false;
        } finally {
            if (stopped && !lastPassSettled) {
                forgetLastPass();
            }
        }
    }

    protected Path basedir() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    protected Path contracts() {
        return contractsDirectory.toPath().toAbsolutePath().normalize();
    }

    protected Path migrations() {
        return migrationsDirectory.toPath().toAbsolutePath().normalize();
    }

    /**
     * The {@code existingTables} as the plan names tables: {@code public.} may lead; anything else that
     * is not a lower-case unquoted name could never match a contract's table and is refused, rather
     * than leaving the table reported missing and generated again.
     */
    private Set<String> existingTableNames() throws MojoFailureException {
        Set<String> names = new TreeSet<>();
        if (existingTables != null) {
            for (String table : existingTables) {
                if (table == null || table.isBlank()) {
                    continue;
                }
                String name = table.trim();
                if (name.regionMatches(true, 0, "public.", 0, "public.".length())) {
                    name = name.substring("public.".length());
                }
                if (!TableName.isWrittenForm(name)) {
                    throw new MojoFailureException("existingTables: " + TableName.notWrittenForm(table.trim())
                            + " (public. may lead)");
                }
                names.add(name);
            }
        }
        return names;
    }

    private Strategy defaultStrategy() throws MojoFailureException {
        String text = defaultStrategy == null ? "" : defaultStrategy.trim();
        Optional<Strategy> strategy = Strategy.parse(text).filter(s -> s != Strategy.NONE);
        if (strategy.isEmpty()) {
            throw new MojoFailureException("defaultStrategy must be jsonb or relational, found \"" + text + "\"");
        }
        return strategy.get();
    }

    /**
     * A true/false parameter, read strictly: Maven turns any text but {@code true} into false, so a
     * typo such as {@code enableRowLevelSecurity=ture} would switch a safeguard off without a word.
     */
    protected static boolean flag(String name, String value) throws MojoFailureException {
        String text = value == null ? "" : value.trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new MojoFailureException(name + " must be true or false, found \"" + text + "\"");
    }

    /**
     * A parameter's value read by the core, which refuses a bad one with an
     * {@link IllegalArgumentException} naming it: that is the user's to fix. The exception is caught
     * here only, around reading a parameter; anywhere else it would be our bug, reported as such.
     */
    protected static <T> T parameter(Supplier<T> read) throws MojoFailureException {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private List<dev.atdd.core.infrastructure.InfrastructureTable> declaredTables() throws MojoFailureException {
        List<dev.atdd.core.infrastructure.InfrastructureTable> declared = new ArrayList<>();
        if (infrastructureTables != null) {
            for (InfrastructureTable table : infrastructureTables) {
                declared.add(parameter(table::toCore));
            }
        }
        return declared;
    }

    /** The parameters the table plan depends on, parsed once by a run for its stamp and its plan alike. */
    protected record PlanParameters(Strategy defaultStrategy, Set<String> existingTables,
                                    List<dev.atdd.core.infrastructure.InfrastructureTable> declaredTables) {
    }

    /** @throws MojoFailureException when one of them is not a value the plugin knows */
    protected PlanParameters planParameters() throws MojoFailureException {
        return new PlanParameters(defaultStrategy(), existingTableNames(), declaredTables());
    }

    /**
     * The settings the table plan of the contracts depends on, by parameter, for a goal's stamp (see
     * {@link #unchangedSinceLastPass}), from the values the goal parsed; the goal adds its own.
     */
    protected Map<String, Object> planSettings(PlanParameters parameters) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("contractsDirectory", contracts());
        settings.put("migrationsDirectory", migrations());
        settings.put("defaultStrategy", parameters.defaultStrategy());
        // In name order: a set's own order may differ from one JVM to the next.
        settings.put("existingTables", new TreeSet<>(parameters.existingTables()));
        settings.put("infrastructureTables", parameters.declaredTables());
        // Only whether there are any: it picks the advice of the warning about a missing contracts directory.
        settings.put("modules", aggregatesModules());
        return settings;
    }

    /** Whether this project's own {@code <build><plugins>} lists this plugin. */
    private boolean listedInBuildPlugins() {
        return buildPlugins != null && pluginDescriptor != null && buildPlugins.stream()
                .anyMatch(plugin -> plugin.getKey().equals(pluginDescriptor.getPluginLookupKey()));
    }

    /** Whether this project aggregates modules, as a parent pom does: they inherit its plugin configuration. */
    private boolean aggregatesModules() {
        return modules != null && !modules.isEmpty();
    }

    /**
     * A file as a stamp's setting holds it: its path and the SHA-256 of what the run read from it, so that
     * the stamp reads no file again and a file's change, however small, misses it.
     */
    protected static String contentDigest(Path file, byte[] content) {
        return file + ": " + HexFormat.of().formatHex(Sha256.newDigest().digest(content));
    }

    /**
     * Every contract under the contracts directory, read once per module's build (Maven's plugin
     * context is per module): the goals of this plugin share what the first one read.
     */
    protected ContractCatalog contractCatalog() {
        ContractFiles files = contractFiles();
        if (!files.exists()) {
            // A warning, not a failure: a module may declare infrastructure tables only.
            // A parent's <skip> would skip its modules too: they inherit its plugin configuration.
            String otherwise = aggregatesModules()
                    ? "in a parent pom, declare the atdd plugin in <pluginManagement> and in the <plugins> of the"
                            + " modules that use it (a <skip>true</skip> here would skip its modules too, as they"
                            + " inherit this configuration)."
                    : "in a module with neither contracts nor infrastructureTables, set <skip>true</skip> in its"
                            + " atdd plugin configuration.";
            warnOncePerModule("No contracts directory at " + contracts() + ": no contract to generate a table for or"
                    + " to check. Set contractsDirectory if the contracts lie elsewhere; " + otherwise);
        }
        return shared("atdd.contracts " + contracts(), () -> ContractCatalog.load(files));
    }

    /** The contract files, listed once per module's build: the catalog reads what this listed. */
    protected ContractFiles contractFiles() {
        return shared("atdd.contract files " + contracts(), () -> ContractFiles.list(contracts()));
    }

    /** The migration files, listed once per module's build until a goal adds some. */
    protected MigrationFiles migrationFiles() {
        return shared(migrationListingKey(), () -> MigrationFiles.list(migrations()));
    }

    /**
     * The table plan of the contracts, failing on their problems and logging their warnings once per module's build
     * (some depend on the migrations, which are read for them).
     */
    protected TablePlan tablePlan(PlanParameters parameters) {
        TablePlan plan = TablePlan.of(contractCatalog(), parameters.defaultStrategy(), parameters.declaredTables());
        if (!plan.problems().isEmpty()) {
            throw new InvalidInputException(plan.problems());
        }
        // The migrations' warnings (logged as they are read) come first: some of the plan's depend on them.
        MigrationIndex index = migrationIndex(Optional.empty());
        plan.warnings(index).forEach(this::warnOncePerModule);
        plan.withoutContract(index).forEach(this::warnOncePerModule);
        return plan;
    }

    /** Which tables of the plan the migrations (or existingTables) make, as check-coverage reports it. */
    protected CoverageReport coverage(PlanParameters parameters) {
        TablePlan plan = tablePlan(parameters);
        MigrationIndex index = migrationIndex(Optional.empty());
        return CoverageReport.of(plan, new TableLookup(index, parameters.existingTables()));
    }

    /**
     * The migrations folder, failing on its problems and logging (once per module's build) the files
     * the Supabase CLI skips. Read once per module's build and shared by the goals of this plugin; a goal that
     * needs particular TODO markers gets a scan with exactly those.
     *
     * @param todoMarkers the markers the caller reads TODOs with, or empty when it reads none
     */
    protected MigrationIndex migrationIndex(Optional<List<String>> todoMarkers) {
        String key = migrationIndexKey();
        Map<String, Object> context = pluginContext();
        SharedIndex cached = (SharedIndex) context.get(key);
        if (cached == null || todoMarkers.isPresent() && !todoMarkers.get().equals(cached.todoMarkers())) {
            List<String> markers = todoMarkers.orElse(TodoScanner.DEFAULT_COMMENT_MARKERS);
            cached = new SharedIndex(markers, MigrationIndex.scan(migrationFiles(), markers));
            context.put(key, cached);
        }
        MigrationIndex index = cached.index();
        if (!index.problems().isEmpty()) {
            throw new InvalidInputException(index.problems());
        }
        index.skipped().forEach(skipped -> warnOncePerModule(skipped.toProblem()));
        return index;
    }

    /** After a goal added migrations, the next one must read the folder again. */
    protected void forgetMigrationIndex() {
        pluginContext().remove(migrationIndexKey());
        pluginContext().remove(migrationListingKey());
    }

    private String migrationIndexKey() {
        return "atdd.migrations " + migrations();
    }

    private String migrationListingKey() {
        return "atdd.migration files " + migrations();
    }

    /**
     * Logs a warning about the input unless a goal of this module's build logged it already: the
     * goals read the same files (or share what the first one read), and the same warning from each
     * buries the output.
     */
    protected void warnOncePerModule(Problem warning) {
        warnOncePerModule(warning.describe(basedir()));
    }

    /** {@link #warnOncePerModule(Problem)} of a warning already put in words. */
    protected void warnOncePerModule(String text) {
        warnings.add(text);
        Set<String> told = shared("atdd.warnings told", HashSet::new);
        if (told.add(text)) {
            getLog().warn(text);
        }
    }

    /**
     * Logs a warning about what this goal found (not about the input every goal reads, which
     * {@link #warnOncePerModule} tells once), and keeps it with the goal's warnings.
     */
    protected void warnOfFinding(String text) {
        warnings.add(text);
        getLog().warn(text);
    }

    /** The warnings this goal had so far, in order, including those an earlier goal of the build logged. */
    protected List<String> warnings() {
        return List.copyOf(warnings);
    }

    private record SharedIndex(List<String> todoMarkers, MigrationIndex index) {
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(String key, Supplier<T> read) {
        return (T) pluginContext().computeIfAbsent(key, k -> read.get());
    }

    /** Maven's per-project map shared by this plugin's goals; a private one when run outside Maven. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> pluginContext() {
        if (getPluginContext() == null) {
            setPluginContext(new HashMap<>());
        }
        return getPluginContext();
    }

    /** Whether this run told the last pass again or forgot it: what is left beside the stamp is then this run's. */
    private boolean lastPassSettled;

    /** The digest of this run's inputs, when a pass may be stamped (see {@link #unchangedSinceLastPass}). */
    private Future<Optional<String>> inputs = CompletableFuture.completedFuture(Optional.empty());

    /**
     * True when this goal passed in an earlier build on the same settings and files, as listed (nothing
     * read), and what it left is still there: the warnings and the summary of that pass are logged
     * again. A pass is a run that found nothing wrong or nothing to do: a check that passed, a
     * generation with nothing missing. Otherwise the stamp of that pass goes, as what it stood beside
     * is about to change, and {@link #stampPass} stamps this run if it passes.
     *
     * @param settings everything besides the files that the goal's outcome and words depend on, by the
     *                 name of the parameter each comes from: each a value, or a collection of values. A
     *                 parameter left out must not change what the goal finds or says, or a later build
     *                 could tell a pass made under another setting ({@code StampSettingsTest} holds the
     *                 goals to this)
     * @param listings the files the goal reads
     */
    protected boolean unchangedSinceLastPass(Map<String, ?> settings, FileListing... listings) {
        String goal = goal();
        List<String> all = new ArrayList<>(List.of(goal, basedir().toString(), stamp().toString()));
        for (Map.Entry<String, ?> setting : new TreeMap<>(settings).entrySet()) {
            all.add(setting.getKey());
            if (setting.getValue() instanceof Collection<?> values) {
                // Counted, so that ["a, b"] and ["a", "b"] do not read alike.
                all.add(values.size() + " values");
                values.forEach(value -> all.add(String.valueOf(value)));
            } else {
                all.add(String.valueOf(setting.getValue()));
            }
        }
        FutureTask<Optional<String>> digest = new FutureTask<>(() -> pluginBuild().flatMap(plugin ->
                InputDigest.of(Stream.concat(all.stream(), Stream.of(plugin)).toList(), List.of(listings))));
        inputs = digest;
        Optional<CheckStamp> stamp = CheckStamp.read(stamp()).filter(s -> outputStillThere());
        if (stamp.isEmpty()) {
            getLog().debug("No stamp of an earlier pass at " + stamp() + " (or what it left is gone): "
                    + goal + " reads its files.");
            // Nothing to compare with (a first build): the digest a pass stamps is worked out beside the run.
            Thread thread = new Thread(digest, "atdd " + goal + " input digest");
            thread.setDaemon(true);
            thread.start();
        } else {
            digest.run();
            if (inputs().equals(Optional.of(stamp.get().inputs()))) {
                stamp.get().warnings().forEach(this::warnOncePerModule);
                List<String> summary = stamp.get().summary().lines().toList();
                for (int i = 0; i < summary.size(); i++) {
                    getLog().info(summary.get(i) + (i == summary.size() - 1 ? " (unchanged since the last check)" : ""));
                }
                lastPassSettled = true;
                return true;
            }
            getLog().debug("The stamp at " + stamp() + " stands for other settings or files: " + goal
                    + " reads its files.");
        }
        forgetLastPass();
        return false;
    }

    /**
     * For a run that stamps nothing, as its outcome depends on more than its files and settings: the
     * stamp of an earlier pass goes, as the report it stood beside is about to change.
     */
    protected void checkEveryTime() {
        inputs = CompletableFuture.completedFuture(Optional.empty());
        forgetLastPass();
    }

    /** Stamps this run's pass, when its inputs had a digest: the next build may tell it again. */
    protected void stampPass(String summary) {
        inputs().filter(digest -> !new CheckStamp(digest, warnings(), summary).write(stamp()))
                .ifPresent(digest -> getLog().debug("Cannot write " + stamp() + ": the next build checks again."));
    }

    /** Where this goal keeps the stamp of its last pass. */
    protected abstract Path stamp();

    /** Whether what the last pass left (a check's report) is still there, for its stamp to stand. */
    protected boolean outputStillThere() {
        return true;
    }

    /** A run that reads its files is about to replace what the last one left; its stamp goes first. */
    protected void forgetLastPass() {
        lastPassSettled = true;
        if (!CheckStamp.delete(stamp())) {
            getLog().debug("Cannot delete " + stamp() + "; it stands for other inputs than these.");
        }
    }

    private Optional<String> inputs() {
        try {
            return inputs.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            // Only the next build's shortcut is lost.
            getLog().debug("Cannot work out the digest of the inputs; no stamp.", e.getCause());
            return Optional.empty();
        }
    }

    /**
     * The jars this plugin runs from, as listed: a rebuilt snapshot of the plugin, or another version of
     * a library or of the PostgreSQL binaries declared among the plugin's dependencies, must not trust
     * what the ones before stamped. Empty (nothing is stamped) when the JVM does not say where the
     * classes come from.
     */
    private static Optional<String> pluginBuild() {
        CodeSource source = AbstractAtddMojo.class.getProtectionDomain().getCodeSource();
        return jarsAsListed(AbstractAtddMojo.class.getClassLoader(), source == null ? null : source.getLocation());
    }

    /**
     * @param loader      the plugin's class loader: in Maven a class realm, its jar and its dependencies
     *                    (not Maven's own, nor those {@link DatabaseLibraries} fetched)
     * @param ownLocation where the plugin's classes come from, taken when {@code loader} is no URL class
     *                    loader (as in tests); null when unknown, and then nothing is stamped
     */
    static Optional<String> jarsAsListed(ClassLoader loader, URL ownLocation) {
        List<URL> locations = new ArrayList<>();
        if (loader instanceof URLClassLoader realm) {
            // Not the PostgreSQL libraries verify-migrations fetched into the realm earlier in this build.
            Stream.of(realm.getURLs()).filter(jar -> !DatabaseLibraries.fetched(jar)).forEach(locations::add);
        } else if (ownLocation != null) {
            locations.add(ownLocation);
        }
        if (locations.isEmpty()) {
            return Optional.empty();
        }
        List<String> states = new ArrayList<>();
        try {
            for (URL location : locations) {
                Path jar = Path.of(location.toURI());
                states.add(FileState.of(jar, Files.readAttributes(jar, BasicFileAttributes.class)).toString());
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(String.join("\n", states));
    }

    /** A path as the user should read it: relative to the project when inside it. */
    protected String shown(Path path) {
        return DisplayPath.of(basedir(), path);
    }
}
