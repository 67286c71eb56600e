package dev.atdd.core.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * zonky's embedded PostgreSQL 15, the one class that names it: {@link ScratchDatabase} links without
 * zonky on the class path, so a team that verifies on its own server needs only the JDBC driver.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final String ZONKY_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.zonky.test";
    // Slow shared CI machines take longer than zonky's default 10 s to run initdb and start.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

    /**
     * Extensions every Supabase project has installed and stock PostgreSQL lacks, with their schemas:
     * a pulled schema starts with {@code CREATE EXTENSION IF NOT EXISTS} lines for them.
     */
    private static final List<StandIn> SUPABASE_EXTENSIONS = List.of(new StandIn("pg_graphql", "graphql"),
            new StandIn("supabase_vault", "vault"), new StandIn("pgsodium", "pgsodium"),
            new StandIn("pgjwt", "extensions"));

    /** An extension that installs nothing, in the server's extension folder, for the prelude to create. */
    private record StandIn(String name, String schema) {

        /** The prelude finds the stand-ins by this comment's start; see supabase-prelude.sql. */
        String control() {
            return "comment = 'Empty stand-in for Supabase''s " + name + ", made by atdd-maven-plugin'\n"
                    + "default_version = '0'\nrelocatable = false\nschema = '" + schema + "'\n";
        }

        void install(Path extensionFolder) throws IOException {
            Files.writeString(extensionFolder.resolve(name + ".control"), control());
            Files.writeString(extensionFolder.resolve(name + "--0.sql"), BundledSql.text("stand-in-extension.sql"));
        }
    }

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
        EmbeddedServer server = new EmbeddedServer(EmbeddedPostgres.builder()
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
        try {
            installStandIns(folder);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * zonky unpacks the binaries into a folder of its own beside the data folder. The server reads an
     * extension's files when it is created, so they can come after the start.
     */
    private static void installStandIns(Path folder) throws IOException {
        Optional<Path> extensionFolder;
        try (Stream<Path> unpacked = Files.list(folder)) {
            extensionFolder = unpacked.map(child -> child.resolve(Path.of("share", "postgresql", "extension")))
                    .filter(candidate -> Files.isRegularFile(candidate.resolve("plpgsql.control"))).findFirst();
        }
        if (extensionFolder.isEmpty()) {
            throw new IOException("no share/postgresql/extension folder among the server's binaries in " + folder);
        }
        for (StandIn standIn : SUPABASE_EXTENSIONS) {
            standIn.install(extensionFolder.get());
        }
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
