package dev.atdd.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import dev.atdd.core.check.CheckStamp;
import dev.atdd.core.check.InputDigest;
import dev.atdd.core.check.JsonReport;
import java.io.File;
import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the verify-phase checks share: the JSON report, failing or only warning, and the stamp that
 * spares a later build checking again what passed on the same files and settings (verify-migrations
 * stamps only its runs on the embedded server, whose build comes with the plugin).
 */
abstract class AbstractCheckMojo extends AbstractAtddMojo {

    /** Where each check writes {@code <goal>.json} with what it found, for CI to read. */
    @Parameter(property = "atdd.reportDirectory", defaultValue = "${project.build.directory}/atdd")
    protected File reportDirectory;

    /** The digest of this run's inputs, when a pass may be stamped (see {@link #unchangedSinceLastPass}). */
    private Future<Optional<String>> inputs = CompletableFuture.completedFuture(Optional.empty());

    /**
     * True when this goal passed in an earlier build on the same settings and files, as listed (nothing
     * read), and its report is still there: the warnings and the summary of that pass are logged again.
     * Otherwise the stamp of that pass goes, as the report is about to change, and {@link #conclude}
     * stamps this run if it passes.
     *
     * @param settings everything besides the files that the check's outcome and words depend on, by the
     *                 name of the parameter each comes from: each a value, or a collection of values. A
     *                 parameter left out must not change what the check finds or says, or a later build
     *                 could tell a pass made under another setting ({@code StampSettingsTest} holds the
     *                 checks to this)
     * @param listings the files the check reads
     */
    protected boolean unchangedSinceLastPass(String goal, Map<String, ?> settings, FileListing... listings) {
        List<String> all = new ArrayList<>(List.of(goal, basedir().toString(), report(goal).toString()));
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
        Optional<CheckStamp> stamp = CheckStamp.read(stamp(goal)).filter(s -> Files.isRegularFile(report(goal)));
        if (stamp.isEmpty()) {
            // Nothing to compare with (a first build): the digest a pass stamps is worked out beside the check.
            Thread thread = new Thread(digest, "atdd " + goal + " input digest");
            thread.setDaemon(true);
            thread.start();
        } else {
            digest.run();
            if (inputs().equals(Optional.of(stamp.get().inputs()))) {
                stamp.get().warnings().forEach(this::warnOncePerModule);
                getLog().info(stamp.get().summary() + " (unchanged since the last check)");
                return true;
            }
        }
        forgetLastPass(goal);
        return false;
    }

    /**
     * For a run that stamps nothing, as its outcome depends on more than its files and settings: the
     * stamp of an earlier pass goes, as the report it stood beside is about to change.
     */
    protected void checkEveryTime(String goal) {
        inputs = CompletableFuture.completedFuture(Optional.empty());
        forgetLastPass(goal);
    }

    private void forgetLastPass(String goal) {
        if (!CheckStamp.delete(stamp(goal))) {
            getLog().debug("Cannot delete " + stamp(goal) + "; it stands for other inputs than these.");
        }
    }

    /**
     * Writes the report, then fails the build with {@code failure} (or only logs it as warnings when
     * {@code fail} is false) unless the check passed.
     */
    protected void conclude(String goal, ObjectNode report, boolean passed, String success, String failure,
                            boolean fail) throws MojoFailureException {
        JsonReport.write(report(goal), report);
        if (passed) {
            getLog().info(success);
            inputs().filter(digest -> !new CheckStamp(digest, warnings(), success).write(stamp(goal)))
                    .ifPresent(digest -> getLog().debug("Cannot write " + stamp(goal) + ": the next build checks again."));
        } else if (fail) {
            throw new MojoFailureException(failure);
        } else {
            failure.lines().forEach(getLog()::warn);
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

    private Path report(String goal) {
        return reportDirectory.toPath().toAbsolutePath().resolve(goal + ".json");
    }

    private Path stamp(String goal) {
        return reportDirectory.toPath().toAbsolutePath().resolve(goal + ".stamp");
    }

    /**
     * The jars this plugin runs from, as listed: a rebuilt snapshot of the plugin, or another version of
     * a library or of the PostgreSQL binaries declared among the plugin's dependencies, must not trust
     * what the ones before stamped. Empty (nothing is stamped) when the JVM does not say where the
     * classes come from.
     */
    private static Optional<String> pluginBuild() {
        CodeSource source = AbstractCheckMojo.class.getProtectionDomain().getCodeSource();
        return jarsAsListed(AbstractCheckMojo.class.getClassLoader(), source == null ? null : source.getLocation());
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
}
