package dev.atdd.core.render;

import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.naming.PgIdentifier;
import java.util.List;

/**
 * What an infrastructure template writes: a table declared in the pom, not derived from a contract.
 * Names are made here, each fitted to 63 bytes.
 *
 * @param shape the template to render it with: {@code EVENT_LOG}, {@code CACHE} or {@code QUEUE}
 * @param table the table name
 * @param index the name of the table's one index
 * @param requestedIndex its name before fitting it to 63 bytes
 */
public record InfrastructureTableModel(TableShape shape, String table, String index, boolean rowLevelSecurity,
                                       String requestedIndex) implements TableModel {

    /** The model of a declared table; its kind picks the template and the index's purpose. */
    public static InfrastructureTableModel of(InfrastructureTable declared, boolean rowLevelSecurity) {
        return switch (declared.kind()) {
            case EVENT_LOG -> of(TableShape.EVENT_LOG, declared.tableName(), "aggregate", rowLevelSecurity);
            case CACHE -> of(TableShape.CACHE, declared.tableName(), "lookup", rowLevelSecurity);
            case QUEUE -> of(TableShape.QUEUE, declared.tableName(), "queue", rowLevelSecurity);
        };
    }

    private static InfrastructureTableModel of(TableShape shape, String table, String indexPurpose,
                                               boolean rowLevelSecurity) {
        String requestedIndex = "idx_" + table + "_" + indexPurpose;
        return new InfrastructureTableModel(shape, PgIdentifier.fit(table), PgIdentifier.fit(requestedIndex),
                rowLevelSecurity, requestedIndex);
    }

    @Override
    public List<IndexName> indexNames() {
        return List.of(new IndexName(index, requestedIndex));
    }
}
