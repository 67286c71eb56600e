package dev.atdd.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded JSON Schema contract: its place in the contracts tree, the fields the plugin reads, and
 * the whole schema for the type mapping.
 */
public record Contract(
        Path file,
        ContractLocation location,
        JsonNode schema,
        Optional<String> id,
        Optional<String> title,
        Optional<String> description,
        Optional<String> version,
        Optional<Audience> audience,
        Optional<Strategy> strategy,
        Optional<String> explicitTable,
        List<IndexSpec> indexes) {

    public Contract {
        indexes = List.copyOf(indexes);
    }

    /** True when {@code properties} holds at least one property. */
    public boolean hasProperties() {
        JsonNode properties = schema.get("properties");
        return properties != null && properties.isObject() && properties.size() > 0;
    }

    public boolean hasProperty(String name) {
        JsonNode properties = schema.get("properties");
        return properties != null && properties.isObject() && properties.has(name);
    }
}
