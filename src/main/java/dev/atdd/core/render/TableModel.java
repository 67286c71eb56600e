package dev.atdd.core.render;

import java.util.List;

/** What every table template's model says about the relations its migration creates. */
public sealed interface TableModel permits JsonbTableModel, RelationalTableModel, InfrastructureTableModel {

    /** The template that writes it. */
    TableShape shape();

    String table();

    /** The names of the indexes the migration creates with {@code CREATE INDEX}. */
    List<String> indexNames();

    /** The contract's own indexes ({@code persistence.indexes}); none for an infrastructure table. */
    default List<TableIndex> contractIndexes() {
        return List.of();
    }

    /** The name PostgreSQL gives the primary key's index; on a clash it picks another one itself. */
    default String primaryKeyIndex() {
        return IndexPlan.primaryKeyIndex(table());
    }
}
