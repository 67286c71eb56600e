package dev.atdd.core.render;

import dev.atdd.core.contract.IndexSpec.IndexMethod;
import java.util.List;

/**
 * One index of a contract table, from {@code persistence.indexes}.
 *
 * @param name      the index name, at most 63 bytes
 * @param fields    for the jsonb shape the keys inside {@code data}; for the relational shape column names
 * @param requested the name the contract asked for (or its fields made), before fitting it to 63 bytes
 */
public record TableIndex(String name, IndexMethod method, List<String> fields, String requested) {

    public TableIndex {
        fields = List.copyOf(fields);
    }

    IndexName indexName() {
        return new IndexName(name, requested);
    }
}
