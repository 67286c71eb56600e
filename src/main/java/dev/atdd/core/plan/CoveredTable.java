package dev.atdd.core.plan;

import dev.atdd.core.migration.TableOrigin;
import java.util.Objects;
import java.util.Optional;

/**
 * A planned table that already exists, and what makes it: the statement of a migration, or (empty) the
 * {@code existingTables} list, which says it is made elsewhere.
 */
public record CoveredTable(PlannedTable table, Optional<TableOrigin> origin) {

    private static final String EXISTING_TABLES = "existingTables";

    public CoveredTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code file.sql:line} or {@code existingTables}, as messages and the JSON report name it. */
    public String coveredBy() {
        return origin.map(TableOrigin::where).orElse(EXISTING_TABLES);
    }
}
