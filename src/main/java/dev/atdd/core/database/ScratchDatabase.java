package dev.atdd.core.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * A throwaway PostgreSQL database to apply migrations to, removed again by {@link #close()}.
 *
 * <p>Either {@link #embedded()}: a PostgreSQL 15 server of its own, run from a fresh temporary folder
 * that holds its binaries and data and is deleted on close; or {@link #onServer}: a database with a
 * fresh random name ({@code atdd_verify_...}) on a server the user runs, dropped on close — nothing
 * else on that server is touched.
 *
 * <p>{@link #connection()} is one connection to the scratch database in the simple query protocol,
 * so that a whole migration file, {@code $$} bodies and all, can be sent as one script;
 * {@link #newSession()} replaces it by a fresh one.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final String EMBEDDED_USER = "postgres";
    private static final String EMBEDDED_DATABASE = "postgres";
    private static final String SCRATCH_NAME_PREFIX = "atdd_verify_";
    private static final String APPLICATION_NAME = "atdd-maven-plugin";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@link #close()} undoes once the connection is closed. */
    @FunctionalInterface
    private interface Teardown {
        void run() throws Exception;
    }

    private final String jdbcUrl;
    private final String user;
    private final String databaseName;
    private final PGSimpleDataSource source;
    private Connection connection;
    private final List<Teardown> teardown;
    private boolean closed;

    private ScratchDatabase(String jdbcUrl, String user, String databaseName, PGSimpleDataSource source,
                            Connection connection, List<Teardown> teardown) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.databaseName = databaseName;
        this.source = source;
        this.connection = connection;
        this.teardown = List.copyOf(teardown);
    }

    /**
     * Starts a PostgreSQL 15 server (the zonky binaries from Maven Central) in a new temporary folder,
     * UTF8 and C locale, reachable over TCP on localhost only.
     *
     * <p>Works as root too: zonky then runs the server through {@code unshare -U}, as PostgreSQL
     * refuses to run as root. No JVM shutdown hook is registered; the caller must close it.
     *
     * @throws ScratchDatabaseException when the server cannot be started; the folder is removed then too
     */
    public static ScratchDatabase embedded() {
        Path folder;
        try {
            folder = Files.createTempDirectory("atdd-postgres-");
        } catch (IOException e) {
            throw new ScratchDatabaseException("cannot create a temporary folder for the embedded PostgreSQL", e);
        }
        List<Teardown> teardown = new ArrayList<>();
        teardown.add(() -> deleteTree(folder));
        try {
            EmbeddedServer server = EmbeddedServer.start(folder);
            teardown.add(0, server::close);
            ServerUrl url = new ServerUrl("jdbc:postgresql://localhost:" + server.port() + "/" + EMBEDDED_DATABASE);
            PGSimpleDataSource source = dataSource(url, EMBEDDED_USER, null, null);
            Connection connection = source.getConnection();
            return new ScratchDatabase(url.url(), EMBEDDED_USER, EMBEDDED_DATABASE, source, connection, teardown);
        } catch (IOException | SQLException | RuntimeException e) {
            ScratchDatabaseException failure =
                    new ScratchDatabaseException("cannot start an embedded PostgreSQL 15 in " + folder, e);
            runAll(teardown, failure);
            throw failure;
        }
    }

    /**
     * Creates a database with a fresh random name on the server at {@code jdbcUrl} (for example the
     * one {@code supabase start} runs) and connects to it; {@link #close()} drops it.
     *
     * @param jdbcUrl  a {@code jdbc:postgresql://host[:port]/database} URL ({@link ServerUrl}); the
     *                 database it names is only used to create and drop the scratch database
     * @param user     the user to connect as (needs CREATEDB); {@code null} to take it from the URL
     * @param password its password; {@code null} to take it from the URL or use none
     * @throws IllegalArgumentException when the URL is malformed, before anything connects
     * @throws ScratchDatabaseException when the server cannot be reached or the database not created
     */
    public static ScratchDatabase onServer(String jdbcUrl, String user, String password) {
        ServerUrl server = ServerUrl.parse(jdbcUrl);
        String name = SCRATCH_NAME_PREFIX + HexFormat.of().formatHex(randomBytes());
        PGSimpleDataSource admin = dataSource(server, user, password, null);
        PGSimpleDataSource scratch = dataSource(server, user, password, name);
        Connection adminConnection;
        try {
            adminConnection = admin.getConnection();
        } catch (SQLException e) {
            throw new ScratchDatabaseException("cannot connect to " + server.shown(), e);
        }
        List<Teardown> teardown = new ArrayList<>();
        teardown.add(adminConnection::close);
        try {
            execute(adminConnection, BundledSql.render("create-database.sql.ftl", nameModel(name)));
        } catch (SQLException | RuntimeException e) {
            ScratchDatabaseException failure = new ScratchDatabaseException(
                    "cannot create the scratch database " + name + " on " + server.shown(), e);
            runAll(teardown, failure);
            throw failure;
        }
        teardown.add(0, () -> drop(adminConnection, name));
        try {
            Connection connection = scratch.getConnection();
            return new ScratchDatabase(urlOf(scratch), user, name, scratch, connection, teardown);
        } catch (SQLException | RuntimeException e) {
            ScratchDatabaseException failure = new ScratchDatabaseException(
                    "cannot connect to the scratch database " + name + " on " + server.shown(), e);
            runAll(teardown, failure);
            throw failure;
        }
    }

    /** The open connection to the scratch database (simple query protocol, auto-commit on at start). */
    public Connection connection() {
        return connection;
    }

    /**
     * Closes the connection and opens another to the same database: a session that starts with the
     * defaults set by now for this database and user ({@code ALTER ROLE ... IN DATABASE ... SET}), as a new
     * client's would.
     *
     * @throws ScratchDatabaseException when the new connection cannot be made
     */
    public Connection newSession() {
        try {
            connection.close();
            connection = source.getConnection();
            return connection;
        } catch (SQLException e) {
            throw new ScratchDatabaseException("cannot open a new session on the scratch database " + databaseName, e);
        }
    }

    /** Host, port and database of the scratch database as a JDBC URL, without credentials or options. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user the connection is made as; {@code null} when it came from the URL given to {@link #onServer}. */
    public String user() {
        return user;
    }

    public String databaseName() {
        return databaseName;
    }

    /**
     * Closes the connection and removes the database: drops it from the server, or stops the embedded
     * server and deletes its folder. Every step is tried even when an earlier one fails.
     *
     * @throws ScratchDatabaseException when a step failed (the others were still done)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ScratchDatabaseException failure =
                new ScratchDatabaseException("could not fully remove the scratch database " + databaseName, null);
        List<Teardown> steps = new ArrayList<>();
        steps.add(connection::close);
        steps.addAll(teardown);
        runAll(steps, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void runAll(List<Teardown> steps, Exception failure) {
        for (Teardown step : steps) {
            try {
                step.run();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static PGSimpleDataSource dataSource(ServerUrl server, String user, String password, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(server.url());
        } catch (IllegalArgumentException e) {
            // Not chained: the driver's message quotes the whole URL, password parameters and all.
            throw new ScratchDatabaseException("the PostgreSQL driver refuses the URL " + server.shown()
                    + " (its parameters are not shown: they may hold a password)", null);
        }
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        if (database != null) {
            dataSource.setDatabaseName(database);
        }
        dataSource.setPreferQueryMode(PreferQueryMode.SIMPLE);
        dataSource.setApplicationName(APPLICATION_NAME);
        return dataSource;
    }

    private static String urlOf(PGSimpleDataSource dataSource) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://");
        String[] hosts = dataSource.getServerNames();
        int[] ports = dataSource.getPortNumbers();
        for (int i = 0; i < hosts.length; i++) {
            url.append(i == 0 ? "" : ",").append(hosts[i]);
            if (ports != null && i < ports.length && ports[i] != 0) {
                url.append(':').append(ports[i]);
            }
        }
        return url.append('/').append(dataSource.getDatabaseName()).toString();
    }

    private static void drop(Connection admin, String name) throws SQLException {
        try (PreparedStatement terminate = admin.prepareStatement(BundledSql.text("terminate-connections.sql"))) {
            terminate.setString(1, name);
            terminate.execute();
        }
        execute(admin, BundledSql.render("drop-database.sql.ftl", nameModel(name)));
    }

    private static Map<String, String> nameModel(String name) {
        return Map.of("database", name);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
