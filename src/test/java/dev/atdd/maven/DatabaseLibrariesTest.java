package dev.atdd.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paths that need no Maven resolver; resolving itself runs in the invoker ITs, from an empty repository. */
class DatabaseLibrariesTest {

    @Test
    void librariesAlreadyOnTheClassPathNeedNoResolving() {
        // No resolver, no session: it must not get as far as asking for one.
        assertDoesNotThrow(() -> DatabaseLibraries.provide(getClass().getClassLoader(), null, null, List.of()));
    }

    @Test
    void aLoaderThatIsNoClassRealmCannotBeGivenThem() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            DatabaseLibraries.Unavailable e = assertThrows(DatabaseLibraries.Unavailable.class,
                    () -> DatabaseLibraries.provide(bare, null, null, List.of()));

            assertTrue(e.getMessage().contains("PostgreSQL driver and embedded server are not on the plugin's class path"),
                    e.getMessage());
        }
    }
}
