package dev.atdd.core.types;

import dev.atdd.core.contract.SchemaDocument;
import dev.atdd.core.contract.SchemaProblem;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.atdd.core.JsonText;
import dev.atdd.core.LowerCaseName;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps one property schema of a contract to a {@link PropertyShape}, following local {@code $ref}s.
 * Problems (input the build must refuse) are collected as {@code pointer: reason} lines; everything
 * that can be stored but not typed precisely becomes JSONB or TEXT with a review note instead.
 */
final class PropertyTypes {

    static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** What a scalar column does not enforce of its schema, in the order a note lists them. */
    private static final List<String> UNENFORCED = List.of("minimum", "exclusiveMinimum", "maximum",
            "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "default");
    /** The JSON types whose every value TEXT holds as its text: a union of these alone may be TEXT. */
    private static final Set<String> SCALAR_TYPES = Set.of("string", "integer", "number", "boolean");
    /** A value quoted in a note is cut here: a long default would make an unreadable line. */
    private static final int MAX_QUOTED = 40;

    private final JsonNode root;
    private final Set<SchemaProblem> problems;

    PropertyTypes(JsonNode root, Set<SchemaProblem> problems) {
        this.root = root;
        this.problems = problems;
    }

    /** The shape of the property schema at {@code pointer}, which lies inside the root schema. */
    PropertyShape shapeOf(JsonNode schema, String pointer) {
        Set<String> visited = new HashSet<>();
        // The root encloses every property, so "$ref": "#" is recursive.
        visited.add("");
        return shapeOf(schema, pointer, visited);
    }

    private PropertyShape shapeOf(JsonNode schema, String pointer, Set<String> visited) {
        if (schema.isBoolean()) {
            if (!schema.asBoolean()) {
                problems.add(new SchemaProblem(pointer, "the schema false admits no value; remove the property"));
            }
            return PropertyShape.jsonb("the schema true admits any value; stored as JSONB", "any value");
        }
        if (!schema.isObject()) {
            problems.add(new SchemaProblem(pointer, "a schema must be an object or a boolean"));
            return PropertyShape.of(PgType.JSONB, "invalid");
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            // draft-07: keywords beside $ref are ignored
            return followRef(ref, pointer, visited);
        }
        DeclaredType declared = declaredType(schema, pointer);
        if (declared == null) {
            return PropertyShape.of(PgType.JSONB, "invalid");
        }
        if (schema.has("enum")) {
            // The CHECK holds the values alone: a default, bound or length beside them is the reviewer's too.
            return notingUnenforced(enumShape(schema.get("enum"), pointer + "/enum", false, schema, pointer, declared),
                    schema);
        }
        if (schema.has("const")) {
            JsonNode single = JsonNodeFactory.instance.arrayNode().add(schema.get("const"));
            return notingUnenforced(enumShape(single, pointer + "/const", true, schema, pointer, declared), schema);
        }
        for (String union : List.of("oneOf", "anyOf")) {
            if (schema.has(union)) {
                JsonNode members = schema.get(union);
                // {anyOf: [T, {type: null}]} is how pydantic and others write an optional T: a nullable T.
                int nullMember = nullMember(members);
                if (nullMember >= 0 && members.size() == 2 && !declared.present()) {
                    int other = 1 - nullMember;
                    return shapeOf(members.get(other), pointer + "/" + union + "/" + other, visited).admittingNull(true);
                }
                if (!scalarsOnly(members)) {
                    return PropertyShape.jsonb(union + " (a union of schemas) stored as JSONB; review",
                            declared.source()).admittingNull(declared.saysNull());
                }
                // Constants or scalar types alone, as a type union of them: TEXT holds each as its text.
                return PropertyShape.jsonb(union + " (a union of schemas) stored as JSONB; review: TEXT holds its"
                        + " values too, as text", declared.source()).withAlternative(PgType.TEXT)
                        .admittingNull(declared.saysNull());
            }
        }
        if (schema.has("allOf")) {
            return allOfShape(schema, pointer, visited, declared);
        }
        return typedShape(schema, pointer, visited, declared).admittingNull(declared.saysNull());
    }

    /** Whether every member of a union holds scalars only (see {@link #holdsScalarsOnly}). */
    private static boolean scalarsOnly(JsonNode members) {
        if (!members.isArray() || members.isEmpty()) {
            return false;
        }
        for (JsonNode member : members) {
            if (!holdsScalarsOnly(member)) {
                return false;
            }
        }
        return true;
    }

    /** A scalar {@code const}, an {@code enum} of scalars, or one scalar type (null too), with no {@code $ref}. */
    private static boolean holdsScalarsOnly(JsonNode member) {
        if (!member.isObject() || member.has("$ref")) {
            return false;
        }
        if (member.has("const")) {
            return member.get("const").isValueNode();
        }
        if (member.has("enum")) {
            JsonNode values = member.get("enum");
            return values.isArray() && values.valueStream().allMatch(JsonNode::isValueNode);
        }
        JsonNode type = member.path("type");
        return type.isTextual() && (SCALAR_TYPES.contains(type.textValue()) || type.textValue().equals("null"));
    }

    /** The index of a member that is exactly {@code {"type": "null"}}, or -1. */
    private static int nullMember(JsonNode members) {
        if (!members.isArray()) {
            return -1;
        }
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            if (member.isObject() && member.size() == 1 && "null".equals(member.path("type").textValue())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An {@code allOf} with one member and nothing typed beside it is a common way to annotate a
     * {@code $ref} in draft-07; anything else would need a real merge and is kept as JSONB.
     */
    private PropertyShape allOfShape(JsonNode schema, String pointer, Set<String> visited, DeclaredType declared) {
        JsonNode members = schema.get("allOf");
        if (members.isArray() && members.size() == 1 && !declared.present()) {
            return shapeOf(members.get(0), pointer + "/allOf/0", visited);
        }
        return PropertyShape.jsonb("allOf (an intersection of schemas) is not merged; stored as JSONB; review",
                declared.source()).admittingNull(declared.saysNull());
    }

    private PropertyShape followRef(JsonNode ref, String pointer, Set<String> visited) {
        if (!ref.isTextual()) {
            problems.add(new SchemaProblem(pointer + "/$ref", "must be a string"));
            return PropertyShape.of(PgType.JSONB, "invalid");
        }
        String text = ref.asText();
        String shown = shown(text);
        if (!text.startsWith("#")) {
            return PropertyShape.jsonb("remote $ref " + shown + " is not followed; stored as JSONB; review",
                    "a remote reference");
        }
        String target = percentDecoded(text.substring(1));
        if (target == null || !(target.isEmpty() || target.startsWith("/"))) {
            return PropertyShape.jsonb("$ref " + shown + " is not a JSON pointer; stored as JSONB; review",
                    "an unresolved reference");
        }
        if (visited.contains(target)) {
            return PropertyShape.jsonb("recursive $ref " + shown + "; stored as JSONB", "a recursive structure");
        }
        JsonNode resolved;
        try {
            resolved = root.at(JsonPointer.compile(target));
        } catch (IllegalArgumentException malformed) {
            resolved = null;
        }
        if (resolved == null || resolved.isMissingNode()) {
            return PropertyShape.jsonb("$ref " + shown + " does not resolve; stored as JSONB; review",
                    "an unresolved reference");
        }
        Set<String> deeper = new HashSet<>(visited);
        deeper.add(target);
        return shapeOf(resolved, target, deeper);
    }

    /** The {@code type} keyword, or null after reporting a problem with it. */
    private DeclaredType declaredType(JsonNode schema, String pointer) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return new DeclaredType(List.of(), false, false);
        }
        Set<String> names = new LinkedHashSet<>();
        boolean valid = true;
        for (Map.Entry<String, JsonNode> typed : SchemaDocument.typeEntries(type, pointer + "/type").entrySet()) {
            JsonNode entry = typed.getValue();
            if (!entry.isTextual()) {
                problems.add(new SchemaProblem(typed.getKey(), "must be a JSON Schema type name (a string)"));
                valid = false;
            } else if (!SchemaDocument.TYPE_NAMES.contains(entry.asText())) {
                problems.add(new SchemaProblem(typed.getKey(), SchemaDocument.unknownType(shown(entry.asText()))));
                valid = false;
            } else {
                names.add(entry.asText());
            }
        }
        if (!valid) {
            return null;
        }
        boolean saysNull = names.remove("null");
        return new DeclaredType(List.copyOf(names), true, saysNull);
    }

    private PropertyShape typedShape(JsonNode schema, String pointer, Set<String> visited, DeclaredType declared) {
        List<String> names = declared.names();
        if (names.isEmpty()) {
            return declared.present()
                    ? PropertyShape.of(PgType.TEXT, "null").withTodo("type null: the property can only be null")
                            .asTextFallback().withLongestText(0)
                    : PropertyShape.jsonb("no type declared; stored as JSONB; review", "untyped");
        }
        if (names.size() > 1) {
            if (declared.numbers()) {
                return PropertyShape.of(PgType.NUMERIC, declared.source());
            }
            if (!SCALAR_TYPES.containsAll(names)) {
                return PropertyShape.jsonb("type union " + names + " stored as JSONB; review", declared.source());
            }
            // Text holds every scalar value, as its text: a reviewer who wants no JSONB here may choose it.
            return PropertyShape.jsonb("type union " + names + " stored as JSONB; review: TEXT holds its values too,"
                    + " as text", declared.source()).withAlternative(PgType.TEXT);
        }
        String name = names.get(0);
        return switch (name) {
            case "string" -> notingUnenforced(StringShapes.of(schema, pointer, problems), schema);
            case "integer" -> notingUnenforced(integerShape(schema, pointer, name), schema);
            case "number" -> notingUnenforced(PropertyShape.of(PgType.NUMERIC, name), schema);
            case "boolean" -> notingUnenforced(PropertyShape.of(PgType.BOOLEAN, name), schema);
            default -> {
                PropertyShape structure = PropertyShape.jsonb(name + ": review JSONB for normalization", name);
                yield name.equals("array")
                        ? scalarItems(schema, pointer, visited).map(structure::withItems).orElse(structure) : structure;
            }
        };
    }

    /**
     * What an array's items map to when they are all of one scalar type, for verify-migrations to accept
     * a PostgreSQL array of them; none for absent items, a list of item schemas (draft-07's tuples), items
     * that are JSONB or TEXT for want of one type, or items with problems of their own.
     */
    private Optional<ScalarItems> scalarItems(JsonNode array, String pointer, Set<String> visited) {
        JsonNode items = array.get("items");
        if (items == null || !items.isObject()) {
            return Optional.empty();
        }
        // The items were never the contract's problems (JSONB holds them as they come): read apart, they stay so.
        Set<SchemaProblem> itemProblems = new LinkedHashSet<>();
        PropertyShape item = new PropertyTypes(root, itemProblems).shapeOf(items, pointer + "/items", visited);
        if (!itemProblems.isEmpty() || item.type() == PgType.JSONB || item.textFallback()) {
            return Optional.empty();
        }
        return Optional.of(new ScalarItems(item.type(), item.checks(), item.longestText()));
    }

    /**
     * A review note for the bounds, lengths and default the column does not hold: a DBA decides whether
     * the table must enforce them too (a CHECK, a DEFAULT), which the type mapping does not guess.
     */
    private static PropertyShape notingUnenforced(PropertyShape shape, JsonNode schema) {
        List<String> found = new ArrayList<>();
        boolean bound = false;
        boolean defaulted = false;
        for (String keyword : UNENFORCED) {
            JsonNode value = schema.get(keyword);
            // A length is moot where the type fixes the text (UUID, dates). Draft-04's exclusiveMinimum: true
            // is listed beside minimum: it says the bound is strict.
            boolean moot = keyword.endsWith("Length") && shape.type() != PgType.TEXT;
            if (value != null && !moot) {
                String text = JsonText.compact(value);
                found.add(keyword + " " + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text));
                defaulted |= keyword.equals("default");
                bound |= !keyword.equals("default");
            }
        }
        return found.isEmpty() ? shape : shape.withTodo(String.join(", ", found)
                + " not enforced by the column; add " + (bound && defaulted ? "a CHECK and a DEFAULT"
                : defaulted ? "a DEFAULT" : "a CHECK") + " if the table must hold " + (found.size() == 1 ? "it" : "them"));
    }

    private enum ValueKind { STRING, INTEGER, NUMBER, BOOLEAN, STRUCTURED }

    /**
     * {@code enum} (or {@code const} as a one-value enum): null members only make the column
     * nullable — {@code IN (..., NULL)} would let every value through a CHECK.
     */
    private PropertyShape enumShape(JsonNode values, String pointer, boolean isConst, JsonNode schema,
                                    String schemaPointer, DeclaredType declared) {
        if (!values.isArray()) {
            problems.add(new SchemaProblem(pointer, "must be an array"));
            return PropertyShape.of(PgType.JSONB, "invalid");
        }
        if (values.isEmpty()) {
            problems.add(new SchemaProblem(pointer, "an empty enum admits no value"));
            return PropertyShape.of(PgType.JSONB, "invalid");
        }
        Set<String> texts = new LinkedHashSet<>();
        List<BigInteger> integers = new ArrayList<>();
        Set<ValueKind> kinds = EnumSet.noneOf(ValueKind.class);
        boolean hasNull = false;
        // The longest value a document may hold: a string beyond maxLength is no valid value, whatever the enum says.
        OptionalInt maxLength = StringShapes.maxLength(schema);
        int longest = 0;
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String at = isConst ? pointer : pointer + "/" + i;
            if (value.isNull()) {
                hasNull = true;
            } else if (value.isTextual()) {
                kinds.add(ValueKind.STRING);
                if (value.asText().indexOf('\0') >= 0) {
                    problems.add(new SchemaProblem(at,
                            "holds a NUL character (\\u0000), which PostgreSQL text cannot hold"));
                }
                texts.add(value.asText());
                int length = value.asText().codePointCount(0, value.asText().length());
                longest = maxLength.isPresent() && length > maxLength.getAsInt() ? longest : Math.max(longest, length);
            } else if (value.isBoolean()) {
                kinds.add(ValueKind.BOOLEAN);
                texts.add(value.asText());
                longest = Math.max(longest, value.asText().length());
            } else if (value.isNumber()) {
                BigDecimal number = finite(value, at);
                if (number == null) {
                    continue;
                }
                if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
                    kinds.add(ValueKind.INTEGER);
                    BigInteger integer = number.toBigIntegerExact();
                    integers.add(integer);
                    texts.add(integer.toString());
                    longest = Math.max(longest, integer.toString().length());
                } else {
                    kinds.add(ValueKind.NUMBER);
                    texts.add(number.toString());
                    longest = Math.max(longest, number.toString().length());
                }
            } else {
                kinds.add(ValueKind.STRUCTURED);
            }
        }
        boolean nullable = hasNull && (!declared.present() || declared.saysNull());
        String keyword = isConst ? "const" : "enum";
        if (kinds.contains(ValueKind.STRUCTURED)) {
            return PropertyShape.jsonb(keyword + " holds objects or arrays: stored as JSONB, not checked; review",
                    declared.source()).admittingNull(nullable);
        }
        if (texts.isEmpty()) {
            return PropertyShape.of(PgType.TEXT, "null").withTodo(keyword + ": the property can only be null")
                    .admittingNull(nullable).asTextFallback().withLongestText(0);
        }
        PgType type = enumType(kinds, declared, schema, schemaPointer, integers);
        PropertyShape shape = PropertyShape.of(type, declared.source())
                .withCheck(new Check.AllowedValues(List.copyOf(texts))).admittingNull(nullable)
                .withNarrowest(IntegerWidth.narrowest(type, schema, schemaPointer, integers, problems));
        if (type == PgType.TEXT) {
            shape = shape.withLongestText(longest);
        }
        boolean stringsOnly = kinds.equals(EnumSet.of(ValueKind.STRING));
        if (type == PgType.TEXT && !stringsOnly) {
            shape = shape.withTodo(keyword + " values " + kinds.stream().map(LowerCaseName::of)
                    .collect(Collectors.joining(", ")) + " do not fit one type" + (declared.present()
                    ? " " + declared.source() : "") + ": stored as TEXT with each value as its JSON text; review")
                    .asTextFallback();
        } else if (stringsOnly && declared.present() && !declared.names().contains("string")) {
            // {"type": "boolean", "enum": ["true"]}: no boolean validates, so the contract says two things.
            shape = shape.withTodo(keyword + " values are strings but the type is " + declared.source()
                    + ": stored as TEXT; review").asTextFallback();
        }
        return shape;
    }

    /** An integer's column type, and the narrowest a table's column may have and still hold every value. */
    private PropertyShape integerShape(JsonNode schema, String pointer, String name) {
        PgType width = IntegerWidth.of(schema, pointer, List.of(), problems);
        return PropertyShape.of(width, name)
                .withNarrowest(IntegerWidth.narrowest(width, schema, pointer, List.of(), problems));
    }

    /** The declared type when every value fits it (or the values' own type when none is declared), else TEXT. */
    private PgType enumType(Set<ValueKind> kinds, DeclaredType declared, JsonNode schema, String pointer,
                            List<BigInteger> integers) {
        String name = declared.names().size() == 1 ? declared.names().get(0)
                : declared.numbers() ? "number" : declared.names().isEmpty() ? null : "union";
        boolean integersOnly = kinds.equals(EnumSet.of(ValueKind.INTEGER));
        boolean numbersOnly = EnumSet.of(ValueKind.INTEGER, ValueKind.NUMBER).containsAll(kinds);
        if (integersOnly && (name == null || name.equals("integer"))) {
            return IntegerWidth.of(schema, pointer, integers, problems);
        }
        if (numbersOnly && (name == null || name.equals("number"))) {
            return PgType.NUMERIC;
        }
        if (kinds.equals(EnumSet.of(ValueKind.BOOLEAN)) && (name == null || name.equals("boolean"))) {
            return PgType.BOOLEAN;
        }
        return PgType.TEXT;
    }

    private BigDecimal finite(JsonNode value, String pointer) {
        if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
            problems.add(new SchemaProblem(pointer, "the number is too large to read"));
            return null;
        }
        return value.decimalValue();
    }

    /** A URI fragment with its %XX escapes decoded as UTF-8, or null when an escape is malformed. */
    private static String percentDecoded(String fragment) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%') {
                int high = i + 2 < fragment.length() ? Character.digit(fragment.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(fragment.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * User text as it may appear in a review note or message: one line, no NUL, control characters
     * written as escapes, so a note can never end its SQL comment early.
     */
    static String shown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029 || c == 0x85) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * The {@code type} keyword read.
     *
     * @param names    the non-null type names, in order
     * @param present  whether {@code type} was given at all
     * @param saysNull whether it lists {@code "null"}
     */
    private record DeclaredType(List<String> names, boolean present, boolean saysNull) {

        /** {@code ["integer", "number"]}: every integer is a number, so it declares numbers, not a union. */
        boolean numbers() {
            return names.size() == 2 && names.contains("integer") && names.contains("number");
        }

        String source() {
            if (!present) {
                return "untyped";
            }
            List<String> all = new ArrayList<>(names);
            if (saysNull) {
                all.add("null");
            }
            return String.join(" or ", all);
        }
    }
}
