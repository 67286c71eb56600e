package dev.atdd.core.generate;

import dev.atdd.core.Problem;
import dev.atdd.core.migration.TableOrigin;
import dev.atdd.core.migration.ViewOrType;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.render.IndexName;
import dev.atdd.core.render.TableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * PostgreSQL keeps the tables, indexes and views of a schema in one namespace: a {@code CREATE TABLE}
 * or {@code CREATE INDEX} of a name another relation holds fails with "relation already exists", and a
 * table makes a type of its own name, so a {@code CREATE TABLE} of a type's name fails too. The new
 * migrations of one run are checked against each other, in the order they will run, and against the
 * tables, views, types and indexes the migrations folder makes already. (A clash inside one table, IndexPlan reports; two
 * contracts asking for one table, the table plan.)
 */
final class RelationNamespace {

    /** A table that cannot be written as it is, at its position in the run. */
    record Clash(int position, Problem problem) {
    }

    private RelationNamespace() {
    }

    /**
     * @param tables   the tables to be written, in the order their migrations run
     * @param models   their models, one per table
     * @param existingTables the tables the migrations folder makes
     * @param viewsAndTypes the views and types the migrations folder makes, by name
     * @param existingIndexes the named indexes the migrations folder makes, by name, with where each was made
     * @param leftOut  positions already refused for another problem: they claim no name
     * @return the tables that clash with an earlier one, or with a table, view, type or index of the
     *         migrations folder; a clashing table claims no name either, so that leaving it out leaves no
     *         clash behind
     */
    static List<Clash> clashes(List<PlannedTable> tables, List<TableModel> models, Set<String> existingTables,
                               Map<String, ViewOrType> viewsAndTypes, Map<String, TableOrigin> existingIndexes,
                               IntPredicate leftOut) {
        Map<String, String> holders = new HashMap<>();
        existingTables.forEach(name -> holders.put(name, "the table " + name + " of the migrations folder"));
        existingIndexes.forEach((name, origin) -> holders.putIfAbsent(name, "the index " + name + " made by "
                + origin.where()));
        // Types hold no relation's name: they only keep a table from taking theirs.
        Map<String, String> types = new HashMap<>();
        viewsAndTypes.forEach((name, made) -> (made.isRelation() ? holders : types).put(name, "the " + made.kind()
                + " " + name + " made by " + made.origin().where()));
        List<Clash> clashes = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            if (leftOut.test(i)) {
                continue;
            }
            PlannedTable table = tables.get(i);
            TableModel model = models.get(i);
            List<String> found = new ArrayList<>();
            boolean typeClash = !holders.containsKey(model.table()) && types.containsKey(model.table());
            String tableHolder = holders.getOrDefault(model.table(), types.get(model.table()));
            if (tableHolder != null) {
                found.add("its table name " + model.table() + " is also the name of " + tableHolder);
            }
            for (IndexName index : model.indexNames()) {
                if (holders.containsKey(index.name())) {
                    found.add("its index name " + index.name() + " is also the name of " + holders.get(index.name()));
                }
            }
            if (!found.isEmpty()) {
                String why = typeClash && found.size() == 1
                        ? "a table makes a type of its own name, and one schema cannot hold two types of one name"
                        : "one schema cannot hold two relations of one name";
                clashes.add(new Clash(i, Problem.in(table.origin(), String.join("; ", found) + ": " + why
                        + "; give one of them another name (a table's by persistence.table, an index's by"
                        + " persistence.indexes[].name)")));
                continue;
            }
            holders.put(model.table(), "the table " + model.table() + " of " + table.source());
            // PostgreSQL names the primary key's index itself and picks another name on a clash.
            holders.putIfAbsent(model.primaryKeyIndex(), "the primary key index of " + model.table());
            model.indexNames().forEach(index -> holders.put(index.name(),
                    "the index " + index.name() + " of " + table.source()));
        }
        return clashes;
    }
}
