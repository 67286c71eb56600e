package dev.atdd.core.migration;

import dev.atdd.core.database.MigrationRunner;
import dev.atdd.core.database.ScratchDatabase;
import dev.atdd.core.database.SupabasePrelude;
import dev.atdd.testing.Postgres15;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each {@link SearchPathMigrations} case applied to a real PostgreSQL 15 as verify-migrations applies
 * it (the Supabase prelude, then every file in version order on one session, each in its own
 * transaction): the index names exactly the tables PostgreSQL made in {@code public}.
 */
class SearchPathOnPostgresTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.atdd.core.migration.SearchPathMigrations#cases")
    void indexAgreesWithWhatPostgresCreatedInPublic(SearchPathMigrations.Case migrations)
            throws IOException, SQLException {
        migrations.writeTo(dir);
        MigrationIndex index = MigrationIndex.scan(dir);

        Set<String> created;
        try (ScratchDatabase database = ScratchDatabase.onServer(Postgres15.adminJdbcUrl(), null, null)) {
            MigrationRunner runner = new MigrationRunner(database.connection());
            runner.applyPrelude(SupabasePrelude.builtIn());
            runner.apply(index.files().stream().map(MigrationFile::path).toList());
            created = publicTables(database);
        }

        assertEquals(migrations.publicTables(), created, "PostgreSQL");
        assertEquals(created, index.tables(), "the index");
    }

    private static Set<String> publicTables(ScratchDatabase database) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement statement = database.connection().createStatement();
             ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
