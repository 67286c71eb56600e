package dev.atdd.core.generate;

import dev.atdd.core.Problem;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.render.TableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL keeps the tables and indexes of a schema in one namespace: a {@code CREATE TABLE} or
 * {@code CREATE INDEX} of a name another relation holds fails with "relation already exists". The
 * new migrations of one run are checked against each other, in the order they will run, and against
 * the tables the migrations folder creates already. (A clash inside one table, IndexPlan reports.)
 */
final class RelationNamespace {

    private RelationNamespace() {
    }

    /**
     * @param tables the tables to be written, in the order their migrations run
     * @param models their models, one per table
     * @return one problem per clash, in the file of the later table
     */
    static List<Problem> clashes(List<PlannedTable> tables, List<TableModel> models, Set<String> existingTables) {
        Map<String, String> holders = new HashMap<>();
        existingTables.forEach(name -> holders.put(name, "the table " + name + " of the migrations folder"));
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            PlannedTable table = tables.get(i);
            TableModel model = models.get(i);
            String holder = holders.putIfAbsent(model.table(), "the table " + model.table() + " of " + table.source());
            if (holder != null) {
                problems.add(Problem.in(table.origin(), "its table name " + model.table() + " is also the name of "
                        + holder + ": one schema cannot hold two relations of one name; rename one of them"));
            }
            holders.putIfAbsent(model.primaryKeyIndex(), "the primary key index of " + model.table());
            for (String index : model.indexNames()) {
                holder = holders.putIfAbsent(index, "the index " + index + " of " + table.source());
                if (holder != null) {
                    problems.add(Problem.in(table.origin(), "its index name " + index + " is also the name of "
                            + holder + ": one schema cannot hold two relations of one name; name the index"
                            + " (persistence.indexes[].name)"));
                }
            }
        }
        return problems;
    }
}
