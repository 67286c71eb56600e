package dev.atdd.core.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * zonky's embedded PostgreSQL 15, the one class that names it: {@link ScratchDatabase} links without
 * zonky on the class path, so a team that verifies on its own server needs only the JDBC driver.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final String ZONKY_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.zonky.test";
    // Slow shared CI machines take longer than zonky's default 10 s to run initdb and start.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

    private final EmbeddedPostgres server;

    private EmbeddedServer(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server whose binaries and data live in {@code folder}: UTF8, C locale, TCP on
     * localhost only, no shutdown hook (the caller closes it).
     */
    static EmbeddedServer start(Path folder) throws IOException {
        // initdb's and the server's chatter would fill the build log; warnings and errors still show.
        if (System.getProperty(ZONKY_LOG_LEVEL) == null) {
            System.setProperty(ZONKY_LOG_LEVEL, "warn");
        }
        return new EmbeddedServer(EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(folder.toFile())
                .setDataDirectory(folder.resolve("data"))
                .setPgBinaryResolver(new OwnCopyOfBinaries())
                .setRegisterShutdownHook(false)
                .setCleanDataDirectory(true)
                .setPGStartupWait(STARTUP_WAIT)
                .setLocaleConfig("locale", "C")
                // No Unix socket: nothing is written outside the folder; the JDBC driver uses TCP.
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "20")
                // A throwaway database: durability only costs time.
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start());
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * zonky caches extracted binaries per resolver object, across instances. A resolver of our own
     * per instance makes it extract into this instance's folder, which {@link ScratchDatabase#close()}
     * deletes, instead of reusing another instance's folder that may be deleted while this one runs.
     */
    private static final class OwnCopyOfBinaries implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }
}
