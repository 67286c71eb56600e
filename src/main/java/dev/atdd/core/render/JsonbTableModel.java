package dev.atdd.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.naming.PgIdentifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the jsonb template writes: the contract table storing each document whole in {@code data}.
 *
 * @param table           the table name, at most 63 bytes
 * @param generatedAt     UTC ISO-8601 to the second, e.g. {@code 2025-10-30T14:30:00Z}
 * @param dataIndex       the name of the GIN index on {@code data}
 * @param requestedDataIndex its name before fitting it to 63 bytes
 * @param indexes         the contract's own indexes, on keys inside {@code data}
 */
public record JsonbTableModel(String table, ContractSource contract, String generatedAt,
                              boolean rowLevelSecurity, String dataIndex, List<TableIndex> indexes,
                              String requestedDataIndex) implements TableModel {

    public JsonbTableModel {
        indexes = List.copyOf(indexes);
    }

    /**
     * @throws dev.atdd.core.InvalidInputException when a {@code persistence.indexes} entry cannot be built
     */
    public static JsonbTableModel of(Contract contract, String table, Instant generatedAt, boolean rowLevelSecurity) {
        String requestedDataIndex = requestedDataIndex(table);
        return new JsonbTableModel(table, ContractSource.of(contract), GenerationTime.format(generatedAt),
                rowLevelSecurity, PgIdentifier.fit(requestedDataIndex), indexesOf(contract, table), requestedDataIndex);
    }

    /**
     * The contract's own indexes as the template writes them on {@code table}, on keys inside {@code data}.
     * Not {@code indexes}: a template's {@code model.indexes} would find this method, not the component.
     *
     * @throws dev.atdd.core.InvalidInputException when a {@code persistence.indexes} entry cannot be built
     */
    public static List<TableIndex> indexesOf(Contract contract, String table) {
        // A key the contract may hold, and its value (data->'key') is JSONB, so GIN applies to all: a
        // misspelt key would index what no document holds.
        return IndexPlan.plan(contract, table, Set.of(PgIdentifier.fit(requestedDataIndex(table))),
                key -> mayHold(contract, key) ? Optional.of(key) : Optional.empty(),
                "a property of the contract", key -> true);
    }

    private static String requestedDataIndex(String table) {
        return "idx_" + table + "_data";
    }

    /**
     * Whether a document of the contract may hold {@code key}: one its {@code properties} name, or any
     * key where it declares none, composes its schema ({@code allOf}, {@code $ref}, ...) or opens it
     * ({@code additionalProperties} other than {@code false}, {@code patternProperties}).
     */
    private static boolean mayHold(Contract contract, String key) {
        if (!contract.hasProperties() || contract.hasProperty(key)) {
            return true;
        }
        JsonNode schema = contract.schema();
        return Stream.of("additionalProperties", "unevaluatedProperties").map(schema::get)
                .anyMatch(rest -> rest != null && !rest.equals(BooleanNode.FALSE))
                || !contract.composingKeywords().isEmpty();
    }

    @Override
    public TableShape shape() {
        return TableShape.JSONB;
    }

    @Override
    public List<IndexName> indexNames() {
        return Stream.concat(Stream.of(new IndexName(dataIndex, requestedDataIndex)),
                indexes.stream().map(TableIndex::indexName)).toList();
    }
}
