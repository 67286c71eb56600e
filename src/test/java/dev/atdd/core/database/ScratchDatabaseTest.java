package dev.atdd.core.database;

import static dev.atdd.core.database.SqlFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.testing.TestClassPath;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One embedded server for the class; it also plays "the user's server" for {@code onServer}. */
class ScratchDatabaseTest {

    private static ScratchDatabase server;

    @BeforeAll
    static void startServer() {
        server = ScratchDatabase.embedded();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void embeddedServerIsPostgres15InUtf8AndCLocale() throws SQLException {
        assertEquals(List.of("15", "UTF8", "C", "C"), List.of(
                value(server.connection(), "select current_setting('server_version_num')").substring(0, 2),
                value(server.connection(), "select current_setting('server_encoding')"),
                value(server.connection(), "select current_setting('lc_collate')"),
                value(server.connection(), "select current_setting('lc_ctype')")));
    }

    @Test
    void embeddedServerLeavesNothingOnDiskAfterClose() throws SQLException {
        Path folder;
        try (ScratchDatabase embedded = ScratchDatabase.embedded()) {
            Path data = Path.of(value(embedded.connection(), "select current_setting('data_directory')"));
            folder = data.getParent();
            assertTrue(folder.getFileName().toString().startsWith("atdd-postgres-"), folder.toString());
            assertTrue(Files.isDirectory(data));
            assertTrue(Files.isDirectory(folder.resolve("data")));
        }
        assertFalse(Files.exists(folder), folder + " still exists");
    }

    @Test
    void onServerCreatesAFreshDatabaseAndDropsItEvenWithSessionsLeftOpen() throws SQLException {
        String name;
        Connection leftOver;
        try (ScratchDatabase scratch = ScratchDatabase.onServer(server.jdbcUrl(), server.user(), null)) {
            name = scratch.databaseName();
            assertTrue(name.matches("atdd_verify_[0-9a-f]{16}"), name);
            assertEquals(name, value(scratch.connection(), "select current_database()"));
            assertTrue(databaseExists(name));
            leftOver = DriverManager.getConnection(scratch.jdbcUrl(), server.user(), null);
        }
        assertFalse(databaseExists(name));
        assertFalse(leftOver.isValid(5), "the session left open was not ended");
        leftOver.close();
    }

    @Test
    void onServerNeedsOnlyTheDriverNotTheEmbeddedServer() throws Exception {
        // verify-migrations with a jdbcUrl fetches the JDBC driver alone: nothing on this path may link zonky.
        try (URLClassLoader withoutZonky = TestClassPath.only(entry -> !entry.contains("zonky"))) {
            assertThrows(ClassNotFoundException.class,
                    () -> withoutZonky.loadClass("io.zonky.test.db.postgres.embedded.EmbeddedPostgres"));
            Class<?> scratch = withoutZonky.loadClass(ScratchDatabase.class.getName());
            assertNotSame(ScratchDatabase.class, scratch);

            Object database = scratch.getMethod("onServer", String.class, String.class, String.class)
                    .invoke(null, server.jdbcUrl(), server.user(), null);
            String name;
            try (AutoCloseable closing = (AutoCloseable) database) {
                name = (String) scratch.getMethod("databaseName").invoke(database);
                assertTrue(databaseExists(name), name);
            }
            assertFalse(databaseExists(name));
        }
    }

    @Test
    void twoScratchDatabasesOnOneServerDoNotShareAName() {
        try (ScratchDatabase first = ScratchDatabase.onServer(server.jdbcUrl(), server.user(), null);
             ScratchDatabase second = ScratchDatabase.onServer(server.jdbcUrl(), server.user(), null)) {
            assertFalse(first.databaseName().equals(second.databaseName()));
        }
    }

    @Test
    void onServerRefusesAMalformedUrlAsTheUsersInputBeforeConnecting() {
        // The server is up, so reaching it would succeed: only the form stops these.
        String port = server.jdbcUrl().replaceFirst("^.*://localhost:([0-9]+)/.*$", "$1");
        IllegalArgumentException notPostgres = assertThrows(IllegalArgumentException.class,
                () -> ScratchDatabase.onServer("jdbc:mysql://localhost:" + port + "/db", "root", "secret"));
        IllegalArgumentException noHost = assertThrows(IllegalArgumentException.class,
                () -> ScratchDatabase.onServer("jdbc:postgresql://:" + port + "/postgres?password=secret",
                        server.user(), null));

        assertEquals("jdbcUrl must be jdbc:postgresql://host[:port]/database, found \"jdbc:mysql://localhost:" + port
                + "/db\": it does not start with jdbc:postgresql://", notPostgres.getMessage());
        assertEquals("jdbcUrl must be jdbc:postgresql://host[:port]/database, found \"jdbc:postgresql://:" + port
                + "/postgres\": the host is empty", noHost.getMessage());
    }

    @Test
    void onServerSaysWhichServerItCannotReach() {
        String url = "jdbc:postgresql://localhost:1/postgres";
        ScratchDatabaseException e = assertThrows(ScratchDatabaseException.class,
                () -> ScratchDatabase.onServer(url, "postgres", "postgres"));
        assertEquals("cannot connect to " + url, e.getMessage());
    }

    @Test
    void theErrorsNameTheServerWithoutTheUrlsParameters() {
        ScratchDatabaseException unreachable = assertThrows(ScratchDatabaseException.class,
                () -> ScratchDatabase.onServer("jdbc:postgresql://localhost:1/postgres?password=secret", "postgres", null));
        // A form the check lets through but the driver refuses: its message would quote the password.
        ScratchDatabaseException refused = assertThrows(ScratchDatabaseException.class,
                () -> ScratchDatabase.onServer("jdbc:postgresql://localhost:1/postgres?password=secret%zz", "postgres", null));

        assertEquals("cannot connect to jdbc:postgresql://localhost:1/postgres", unreachable.getMessage());
        assertEquals("the PostgreSQL driver refuses the URL jdbc:postgresql://localhost:1/postgres (its parameters are"
                + " not shown: they may hold a password)", refused.getMessage());
        assertNull(refused.getCause());
    }

    private static boolean databaseExists(String name) throws SQLException {
        return value(server.connection(), "select count(*) from pg_database where datname = '" + name + "'").equals("1");
    }
}
