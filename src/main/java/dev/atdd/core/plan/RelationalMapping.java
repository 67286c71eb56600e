package dev.atdd.core.plan;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.types.RelationalTable;
import dev.atdd.core.types.TypeMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type mapping of every relational contract of a plan, done once: the columns of those it can
 * map, the problems of those it cannot.
 *
 * @param tables   the mapped columns by table name
 * @param problems what {@link TypeMapping#map} refused, in plan order (contract path and JSON pointer)
 */
public record RelationalMapping(Map<String, RelationalTable> tables, List<Problem> problems) {

    public RelationalMapping {
        tables = Map.copyOf(tables);
        problems = List.copyOf(problems);
    }

    public static RelationalMapping of(TablePlan plan) {
        Map<String, RelationalTable> tables = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (PlannedTable table : plan.tables()) {
            if (table.relational() && table instanceof PlannedTable.ForContract forContract) {
                try {
                    tables.put(forContract.table(), TypeMapping.map(forContract.contract()));
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        return new RelationalMapping(tables, problems);
    }

    /** @throws IllegalStateException when the table is no relational contract's, or its contract could not be mapped */
    public RelationalTable table(String name) {
        RelationalTable table = tables.get(name);
        if (table == null) {
            throw new IllegalStateException("no mapped relational contract for table " + name);
        }
        return table;
    }
}
