package dev.atdd.core.plan;

import dev.atdd.core.migration.MigrationIndex;
import java.util.Optional;
import java.util.Set;

/** Whether a table already exists: created by a migration, or listed as made elsewhere. */
public record TableLookup(MigrationIndex index, Set<String> existingTables) {

    public TableLookup {
        existingTables = Set.copyOf(existingTables);
    }

    /** What covers the table ({@code file.sql:line} or {@code existingTables}), or empty when nothing does. */
    public Optional<String> coveredBy(String table) {
        if (existingTables.contains(table)) {
            return Optional.of("existingTables");
        }
        return index.origin(table).map(origin -> origin.file().path().getFileName() + ":" + origin.line());
    }
}
