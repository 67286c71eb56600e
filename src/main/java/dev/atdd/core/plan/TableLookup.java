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

    /**
     * The planned tables split by whether something already creates them, each list in plan order: a table
     * listed in {@code existingTables} is covered by that list, even where a migration creates it too.
     */
    public Split split(List<PlannedTable> tables) {
        List<CoveredTable> covered = new ArrayList<>();
        List<PlannedTable> missing = new ArrayList<>();
        for (PlannedTable table : tables) {
            if (existingTables.contains(table.table())) {
                covered.add(new CoveredTable(table, Optional.empty()));
                continue;
            }
            Optional<TableOrigin> origin = index.origin(table.table());
            if (origin.isPresent()) {
                covered.add(new CoveredTable(table, origin));
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
