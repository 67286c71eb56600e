package dev.atdd.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.database.MigrationRunner;
import dev.atdd.core.database.ScratchDatabase;
import dev.atdd.testing.Postgres15;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Migrations written to a folder and applied to a real PostgreSQL 15 as verify-migrations applies them
 * (each file in version order on one session), where the index is held to the catalog.
 */
final class MigrationsOnPostgres {

    private MigrationsOnPostgres() {
    }

    /** A case where the index names exactly what PostgreSQL made. */
    static Arguments agreeing(String name, List<String> files, Set<String> made) {
        return Arguments.of(name, files, made, made);
    }

    /**
     * Writes {@code files} into {@code folder} (in this order of versions), scans them and applies them to
     * a fresh database, where {@code query} must answer {@code made}, and the index must hold {@code inIndex}:
     * what PostgreSQL made, or (where what a statement did is not known without running it) less, never more.
     */
    static void assertIndexAgrees(Path folder, List<String> files, Function<MigrationIndex, Set<String>> held,
                                  String query, Set<String> made, Set<String> inIndex)
            throws IOException, SQLException {
        List<Path> migrations = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            migrations.add(Files.writeString(folder.resolve("2024010100000" + i + "_m.sql"), files.get(i)));
        }
        MigrationIndex index = MigrationIndex.scan(folder);

        Set<String> names = new TreeSet<>();
        try (ScratchDatabase database = ScratchDatabase.onServer(Postgres15.adminJdbcUrl(), null, null)) {
            new MigrationRunner(database.connection()).apply(migrations);
            try (Statement statement = database.connection().createStatement();
                 ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }

        assertEquals(made, names, "PostgreSQL");
        assertEquals(inIndex, new TreeSet<>(held.apply(index)), "the index");
        assertTrue(names.containsAll(inIndex), "the index holds no name PostgreSQL does not");
    }
}
