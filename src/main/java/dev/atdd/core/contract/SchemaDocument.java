package dev.atdd.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A contract's JSON Schema document: its property names, read with the contract, and its whole tree,
 * built only when first asked for. Only the type mapping of relational contracts needs the tree;
 * the checks of thousands of contracts do not, and holding the bytes instead of the trees keeps
 * their memory and their garbage collection small.
 */
public final class SchemaDocument {

    private final byte[] json;
    private final Set<String> propertyNames;
    private volatile JsonNode tree;

    private SchemaDocument(byte[] json, Set<String> propertyNames, JsonNode tree) {
        this.json = json;
        this.propertyNames = Collections.unmodifiableSet(new LinkedHashSet<>(propertyNames));
        this.tree = tree;
    }

    /** A document whose text was already checked by {@link ContractReader}: parsing it again cannot fail. */
    static SchemaDocument ofCheckedJson(byte[] json, Set<String> propertyNames) {
        return new SchemaDocument(json, propertyNames, null);
    }

    /** A document from a tree at hand (a test's, or one built in code). */
    public static SchemaDocument of(JsonNode tree) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode properties = tree.get("properties");
        if (properties != null && properties.isObject()) {
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return new SchemaDocument(null, names, tree);
    }

    /** The names under {@code properties} in file order, when it is an object; empty otherwise. */
    public Set<String> propertyNames() {
        return propertyNames;
    }

    /** The whole schema. The first call parses it; later calls answer the same tree. */
    public JsonNode tree() {
        JsonNode parsed = tree;
        if (parsed == null) {
            // Two threads may both parse on their first call: the trees are equal, either may stay.
            parsed = ContractReader.parseChecked(json);
            tree = parsed;
        }
        return parsed;
    }
}
