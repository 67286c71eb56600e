package dev.atdd.core.types;

import dev.atdd.core.contract.SchemaProblem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Typo;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.naming.SnakeCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Maps a contract's top-level properties to the columns of its relational table: names, PostgreSQL
 * types, NOT NULL, CHECKs and review notes. The contract's own {@code id} property becomes the
 * template's {@code id UUID} key and gets no column of its own.
 */
public final class TypeMapping {

    /** PostgreSQL's MaxHeapAttributeNumber. */
    static final int MAX_COLUMNS = 1600;

    private TypeMapping() {
    }

    /**
     * @throws InvalidInputException listing every problem of the contract, each as
     *         {@code json-pointer: reason}: unknown types, empty enums, NUL in values, unusable or
     *         colliding column names, {@code required} names that are not properties, and so on
     */
    public static RelationalTable map(Contract contract) {
        Set<SchemaProblem> problems = new LinkedHashSet<>();
        JsonNode root = contract.schema();
        MisspeltKeywords.find(root, problems);
        JsonNode properties = root.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            problems.add(new SchemaProblem("/properties", "must be an object"));
        }
        List<String> composing = new ArrayList<>(contract.composingKeywords());
        // true, the default, is every contract's; a schema here describes keys the contract expects.
        Stream.of("additionalProperties", "unevaluatedProperties").filter(k -> root.path(k).isObject())
                .forEach(composing::add);
        List<String> requiredElsewhere = new ArrayList<>();
        Set<String> required = requiredNames(root, properties, composing.isEmpty() ? null : requiredElsewhere,
                problems);
        PropertyTypes types = new PropertyTypes(root, problems);
        List<Column> columns = new ArrayList<>();
        List<String> tableTodos = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        Optional<PgType> contractKeyType = Optional.empty();
        OptionalInt contractKeyLongestText = OptionalInt.empty();
        String key = RelationalTable.KEY;
        owners.put(key, properties.has(key) ? "the key column (" + pointerOf(key) + ")" : "the key column");
        if (properties.isObject()) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String name = property.getKey();
                String pointer = pointerOf(name);
                PropertyShape shape = types.shapeOf(property.getValue(), pointer);
                if (required.contains(name) && !shape.admitsNull() && property.getValue().path("nullable").asBoolean()) {
                    // Written by teams coming from OpenAPI 3.0 (springdoc), meaning "may be null", which it does not say.
                    shape = shape.withTodo("nullable: true is OpenAPI 3.0's keyword, not JSON Schema's: a validator"
                            + " refuses null here, so the column is NOT NULL; to allow null, list \"null\" in the type");
                }
                if (name.equals(key)) {
                    if (shape.type() != PgType.UUID) {
                        contractKeyType = Optional.of(shape.type());
                        contractKeyLongestText = shape.longestText();
                        tableTodos.add("the key column id is UUID while the contract's id is " + shape.source()
                                + "; review");
                    }
                    continue;
                }
                Column column = column(name, pointer, shape, required.contains(name), owners, problems);
                if (column != null) {
                    columns.add(column);
                }
            }
        }
        if (!composing.isEmpty()) {
            tableTodos.add("the contract's root has " + String.join(", ", composing) + ": the keys and required"
                    + " properties these declare have no column or NOT NULL here"
                    + (requiredElsewhere.isEmpty() ? "" : " (nor do " + String.join(", ", requiredElsewhere)
                    + ", required at the root but declared there)") + "; add them, or keep the contract jsonb");
        }
        RelationalTable table = new RelationalTable(columns, tableTodos, contractKeyType, contractKeyLongestText);
        if (table.columnCount() > MAX_COLUMNS) {
            problems.add(new SchemaProblem("/properties", "the table would have " + table.columnCount()
                    + " columns, and a PostgreSQL table holds at most " + MAX_COLUMNS
                    + "; split the contract, or keep it jsonb"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(contract.problems(List.copyOf(problems)));
        }
        return table;
    }

    /** The column of one property, or null after reporting why it cannot have one. */
    private static Column column(String name, String pointer, PropertyShape shape, boolean required,
                                 Map<String, String> owners, Set<SchemaProblem> problems) {
        String snake = SnakeCase.of(name);
        if (snake.isEmpty()) {
            problems.add(new SchemaProblem(pointer, "has no usable column name; rename the property"));
            return null;
        }
        String unshortened = Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
        String columnName = PgIdentifier.fit(unshortened);
        String owner = owners.putIfAbsent(columnName, pointer);
        if (owner != null) {
            problems.add(new SchemaProblem(pointer, "its column name \"" + columnName + "\" is also the column of "
                    + owner + (owner.startsWith("the key column") ? "; rename the property" : "; rename one of them")));
            return null;
        }
        List<String> todos = new ArrayList<>(shape.todos());
        if (RelationalTable.STANDARD_TIMESTAMPS.contains(columnName)) {
            if (shape.type() != PgType.TIMESTAMPTZ) {
                problems.add(new SchemaProblem(pointer, "its column name \"" + columnName + "\" is the standard"
                        + " TIMESTAMPTZ column the template writes, but the property maps to " + shape.type()
                        + "; rename the property"));
                return null;
            }
            todos.add("replaces the standard " + columnName + " column the template writes; review its default");
        }
        if (!columnName.equals(unshortened)) {
            todos.add("column name shortened to 63 bytes from " + unshortened);
        }
        return new Column(columnName, pointer, shape.type(), shape.narrowest(), required && !shape.admitsNull(),
                shape.checks(), todos, shape.items(), shape.alternative(), shape.longestText());
    }

    /**
     * The names in {@code required}, each checked to be a property: NOT NULL needs a column to stand on.
     *
     * @param declaredElsewhere where a name that is no property goes when the root composes keys
     *                          ({@code allOf}, …) that may declare it, as JSON Schema allows; null when it
     *                          composes none, and such a name is a problem (most likely a typo)
     */
    private static Set<String> requiredNames(JsonNode root, JsonNode properties, List<String> declaredElsewhere,
                                             Set<SchemaProblem> problems) {
        JsonNode required = root.get("required");
        Set<String> names = new HashSet<>();
        if (required == null) {
            return names;
        }
        if (!required.isArray()) {
            problems.add(new SchemaProblem("/required", "must be an array of property names"));
            return names;
        }
        for (int i = 0; i < required.size(); i++) {
            JsonNode entry = required.get(i);
            if (!entry.isTextual()) {
                problems.add(new SchemaProblem("/required/" + i, "must be a property name (a string)"));
            } else if (!properties.has(entry.asText()) && declaredElsewhere != null) {
                declaredElsewhere.add(PropertyTypes.shown(entry.asText()));
            } else if (!properties.has(entry.asText())) {
                problems.add(new SchemaProblem("/required/" + i, "\"" + PropertyTypes.shown(entry.asText())
                        + "\" is required but is not in properties"
                        + Typo.didYouMean(entry.asText(),
                                properties.properties().stream().map(Map.Entry::getKey).toList())));
            } else {
                names.add(entry.asText());
            }
        }
        return names;
    }

    /** The JSON pointer of a property of the contract's {@code properties}. */
    public static String pointerOf(String property) {
        return "/properties/" + SchemaProblem.pointerToken(property);
    }
}
