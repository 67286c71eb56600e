package dev.atdd.core.render;

import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.naming.PgIdentifier;
import java.time.Instant;
import java.util.List;

/**
 * What an infrastructure template writes: a table declared in the pom, not derived from a contract.
 * Names are made here, each fitted to 63 bytes.
 *
 * @param shape the template to render it with: {@code EVENT_LOG}, {@code CACHE} or {@code QUEUE}
 * @param table the table name
 * @param index the name of the table's one index
 * @param requestedIndex its name before fitting it to 63 bytes
 * @param declaredAs     how the pom declares it, {@code name:kind}, for the header and the table's comment
 * @param generatedAt    UTC, to the second
 */
public record InfrastructureTableModel(TableShape shape, String table, String index, boolean rowLevelSecurity,
                                       String requestedIndex, String declaredAs, String generatedAt)
        implements TableModel {

    /** The model of a declared table; its kind picks the template and the index's purpose. */
    public static InfrastructureTableModel of(InfrastructureTable declared, Instant generatedAt,
                                              boolean rowLevelSecurity) {
        return switch (declared.kind()) {
            case EVENT_LOG -> of(TableShape.EVENT_LOG, declared, "aggregate", generatedAt, rowLevelSecurity);
            case CACHE -> of(TableShape.CACHE, declared, "lookup", generatedAt, rowLevelSecurity);
            case QUEUE -> of(TableShape.QUEUE, declared, "queue", generatedAt, rowLevelSecurity);
        };
    }

    private static InfrastructureTableModel of(TableShape shape, InfrastructureTable declared, String indexPurpose,
                                               Instant generatedAt, boolean rowLevelSecurity) {
        String table = declared.tableName();
        String requestedIndex = "idx_" + table + "_" + indexPurpose;
        return new InfrastructureTableModel(shape, PgIdentifier.fit(table), PgIdentifier.fit(requestedIndex),
                rowLevelSecurity, requestedIndex, declared.name() + ":" + declared.kind().label(),
                GenerationTime.format(generatedAt));
    }

    @Override
    public List<IndexName> indexNames() {
        return List.of(new IndexName(index, requestedIndex));
    }
}
