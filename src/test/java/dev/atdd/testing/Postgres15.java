package dev.atdd.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL 15 (Supabase's major version) for tests, started once per JVM and stopped by a
 * shutdown hook.
 *
 * <p>Each test gets its own fresh, empty database, so tests never see each other's tables:
 * <pre>{@code
 * @ExtendWith(Postgres15.class)
 * class MyTest {
 *     @Test
 *     void applies(DataSource database) throws SQLException { ... }
 * }
 * }</pre>
 * or, without the extension, {@code DataSource database = Postgres15.freshDatabase();}.
 *
 * <p>The cluster is initialised with UTF8 encoding and the {@code C} locale, so results do not depend on
 * the machine's locale. As root (CI, containers) zonky runs the server through {@code unshare -U},
 * because PostgreSQL refuses to run as root.
 */
public final class Postgres15 implements ParameterResolver {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** For {@code @ExtendWith}: resolves each {@link DataSource} parameter to a fresh database. */
    public Postgres15() {
    }

    /** A newly created, empty UTF8 database on the shared server, owned by {@code postgres}. */
    public static DataSource freshDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = Server.INSTANCE.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return Server.INSTANCE.getDatabase("postgres", name);
    }

    /** JDBC URL of the shared server's {@code postgres} database (user {@code postgres}, no password). */
    public static String adminJdbcUrl() {
        return Server.INSTANCE.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return freshDatabase();
    }

    /** Holder idiom: the server starts on first use, once, thread-safely. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            // initdb and server output would flood every test log; problems still show as warnings.
            System.setProperty("org.slf4j.simpleLogger.log.io.zonky.test", "warn");
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setLocaleConfig("encoding", "UTF8")
                        .setLocaleConfig("locale", "C")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "postgres15-stop"));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL 15", e);
            }
        }

        private static void close(EmbeddedPostgres postgres) {
            try {
                postgres.close();
            } catch (IOException e) {
                // The JVM is exiting; the data directory is temporary.
            }
        }
    }
}
