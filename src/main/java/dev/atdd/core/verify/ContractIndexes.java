package dev.atdd.core.verify;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.plan.RelationalMapping;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.JsonbTableModel;
import dev.atdd.core.render.RelationalTableModel;
import dev.atdd.core.render.TableIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexes each contract table asks for in {@code persistence.indexes}, planned as
 * {@code generate-migrations} writes them (names, methods, keys), or the problems of those it cannot build.
 *
 * @param tables   the planned indexes by table name; a table without any is absent
 * @param problems what the index plan refused, in plan order (contract path and JSON pointer)
 */
public record ContractIndexes(Map<String, List<TableIndex>> tables, List<Problem> problems) {

    public ContractIndexes {
        tables = Map.copyOf(tables);
        problems = List.copyOf(problems);
    }

    /** @param relational the plan's relational contracts; one it could not map is left out, its problems told there */
    public static ContractIndexes of(TablePlan plan, RelationalMapping relational) {
        Map<String, List<TableIndex>> tables = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (PlannedTable table : plan.tables()) {
            if (!(table instanceof PlannedTable.ForContract forContract)
                    || forContract.relational() && !relational.tables().containsKey(forContract.table())) {
                continue;
            }
            try {
                List<TableIndex> indexes = forContract.relational()
                        ? RelationalTableModel.indexesOf(forContract.contract(), forContract.table(),
                                relational.table(forContract.table()))
                        : JsonbTableModel.indexesOf(forContract.contract(), forContract.table());
                if (!indexes.isEmpty()) {
                    tables.put(forContract.table(), indexes);
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        return new ContractIndexes(tables, problems);
    }

    /** The indexes the contract of {@code table} asks for; none for a table without a contract. */
    public List<TableIndex> forTable(String table) {
        return tables.getOrDefault(table, List.of());
    }
}
