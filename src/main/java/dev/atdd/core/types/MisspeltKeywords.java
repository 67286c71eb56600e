package dev.atdd.core.types;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atdd.core.Typo;
import dev.atdd.core.contract.SchemaDocument;
import dev.atdd.core.contract.SchemaProblem;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a relational contract's schemas that are most likely misspelt keywords ({@code fromat}, {@code enun},
 * {@code requried}) and the formats most likely misspelt ({@code datetime}): a validator ignores them, so the column
 * would lose its type, its CHECK or its NOT NULL without a word. Only schemas are looked into, through the keywords
 * that hold schemas: the values of the others ({@code enum}, {@code const}, {@code default}, {@code examples},
 * {@code x-…}) and the names of properties are the contract's data, whatever they look like.
 */
final class MisspeltKeywords {

    /** The keywords whose value is a schema. */
    private static final Set<String> SCHEMAS = Set.of("additionalProperties", "additionalItems", "items", "contains",
            "propertyNames", "if", "then", "else", "not", "unevaluatedProperties", "unevaluatedItems",
            "contentSchema");
    /** The keywords whose value is an array of schemas ({@code items} in draft-07's tuple form). */
    private static final Set<String> SCHEMA_ARRAYS = Set.of("items", "prefixItems", "allOf", "anyOf", "oneOf");
    /** The keywords whose value is an object of schemas by name ({@code dependencies} also holds name lists). */
    private static final Set<String> SCHEMA_OBJECTS = Set.of("properties", "patternProperties", "definitions", "$defs",
            "dependencies", "dependentSchemas");

    private MisspeltKeywords() {
    }

    /**
     * Adds a problem for each misspelt key and format in the schemas of {@code root}. The root's own keys are not
     * looked at: the contract reader tells those of every contract.
     */
    static void find(JsonNode root, Set<SchemaProblem> problems) {
        find(root, "", true, problems);
    }

    private static void find(JsonNode schema, String pointer, boolean root, Set<SchemaProblem> problems) {
        // A boolean schema has no keys; a value of another kind is the type mapping's problem where it reads it.
        if (!schema.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : schema.properties()) {
            String key = member.getKey();
            JsonNode value = member.getValue();
            String at = pointer + "/" + SchemaProblem.pointerToken(key);
            if (SCHEMAS.contains(key)) {
                find(value, at, false, problems);
            }
            if (SCHEMA_ARRAYS.contains(key) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    find(value.get(i), at + "/" + i, false, problems);
                }
            }
            if (SCHEMA_OBJECTS.contains(key) && value.isObject()) {
                for (Map.Entry<String, JsonNode> named : value.properties()) {
                    find(named.getValue(), at + "/" + SchemaProblem.pointerToken(named.getKey()), false, problems);
                }
            }
            if (key.equals("format") && value.isTextual()) {
                SchemaDocument.formatMeant(value.textValue()).ifPresent(meant -> problems.add(new SchemaProblem(at,
                        "unknown format \"" + PropertyTypes.shown(value.textValue()) + "\"" + Typo.suggesting(meant))));
            }
            if (!root) {
                SchemaDocument.keywordMeant(key).ifPresent(meant -> problems.add(new SchemaProblem(at,
                        SchemaDocument.unknownKey(PropertyTypes.shown(key), meant))));
            }
        }
    }
}
