package dev.atdd.core.render;

import dev.atdd.core.contract.Contract;
import dev.atdd.core.types.Column;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import dev.atdd.core.types.TypeMapping;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the relational template writes: one column per property, with TODO lines for review.
 *
 * @param table       the table name, at most 63 bytes
 * @param generatedAt UTC ISO-8601 to the second, e.g. {@code 2025-10-30T14:30:00Z}
 * @param definition  the columns (without {@code id}, {@code created_at}, {@code updated_at}) and table TODOs
 * @param indexes     the contract's own indexes, on columns
 */
public record RelationalTableModel(String table, ContractSource contract, String generatedAt,
                                   boolean rowLevelSecurity, RelationalTable definition, List<TableIndex> indexes)
        implements TableModel {

    public RelationalTableModel {
        indexes = List.copyOf(indexes);
    }

    /**
     * @param definition the type mapping's result for this contract
     * @throws dev.atdd.core.InvalidInputException when a {@code persistence.indexes} entry cannot be built
     */
    public static RelationalTableModel of(Contract contract, String table, RelationalTable definition,
                                          Instant generatedAt, boolean rowLevelSecurity) {
        return new RelationalTableModel(table, ContractSource.of(contract), GenerationTime.format(generatedAt),
                rowLevelSecurity, definition, indexesOf(contract, table, definition));
    }

    /**
     * The contract's own indexes as the template writes them on {@code table}, on its columns.
     * Not {@code indexes}: a template's {@code model.indexes} would find this method, not the component.
     *
     * @param definition the type mapping's result for this contract
     * @throws dev.atdd.core.InvalidInputException when a {@code persistence.indexes} entry cannot be built
     */
    public static List<TableIndex> indexesOf(Contract contract, String table, RelationalTable definition) {
        return IndexPlan.plan(contract, table, Set.of(),
                field -> columnOf(definition, field), "a column of " + table, column -> isJsonb(definition, column));
    }

    @Override
    public TableShape shape() {
        return TableShape.RELATIONAL;
    }

    @Override
    public List<IndexName> indexNames() {
        return indexes.stream().map(TableIndex::indexName).toList();
    }

    /** The column a property became: found by the property's JSON pointer, or a standard column. */
    private static Optional<String> columnOf(RelationalTable definition, String field) {
        if (field.equals(RelationalTable.KEY) || RelationalTable.STANDARD_TIMESTAMPS.contains(field)) {
            return Optional.of(field);
        }
        String pointer = TypeMapping.pointerOf(field);
        return definition.columns().stream().filter(c -> pointer.equals(c.pointer())).map(Column::name).findFirst();
    }

    private static boolean isJsonb(RelationalTable definition, String column) {
        return definition.columns().stream().anyMatch(c -> c.name().equals(column) && c.type() == PgType.JSONB);
    }
}
