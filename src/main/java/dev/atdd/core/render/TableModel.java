package dev.atdd.core.render;

import java.util.List;

/** What every table template's model says about the relations its migration creates. */
public sealed interface TableModel permits JsonbTableModel, RelationalTableModel, InfrastructureTableModel {

    /** The template that writes it. */
    TableShape shape();

    String table();

    /** The indexes the migration creates with {@code CREATE INDEX}. */
    List<IndexName> indexNames();

    /** The name PostgreSQL gives the primary key's index; on a clash it picks another one itself. */
    default String primaryKeyIndex() {
        return IndexPlan.primaryKeyIndex(table());
    }
}
