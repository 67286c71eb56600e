package dev.atdd.core.plan;

import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.TableOrigin;
import java.util.ArrayList;
import java.util.List;
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
        return index.origin(table).map(TableOrigin::where);
    }

    /** The planned tables split by whether something already creates them, each list in plan order. */
    public Split split(List<PlannedTable> tables) {
        List<CoveredTable> covered = new ArrayList<>();
        List<PlannedTable> missing = new ArrayList<>();
        for (PlannedTable table : tables) {
            Optional<String> coveredBy = coveredBy(table.table());
            if (coveredBy.isPresent()) {
                covered.add(new CoveredTable(table, coveredBy.get()));
            } else {
                missing.add(table);
            }
        }
        return new Split(covered, missing);
    }

    public record Split(List<CoveredTable> covered, List<PlannedTable> missing) {

        public Split {
            covered = List.copyOf(covered);
            missing = List.copyOf(missing);
        }
    }
}
