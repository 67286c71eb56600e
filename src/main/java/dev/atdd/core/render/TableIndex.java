package dev.atdd.core.render;

import dev.atdd.core.contract.IndexSpec.IndexMethod;
import java.util.List;

/**
 * One index of a contract table, from {@code persistence.indexes}.
 *
 * @param name   the index name, at most 63 bytes
 * @param fields for the jsonb shape the keys inside {@code data}; for the relational shape column names
 */
public record TableIndex(String name, IndexMethod method, List<String> fields) {

    public TableIndex {
        fields = List.copyOf(fields);
    }
}
