package dev.atdd.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atdd.core.Problem;
import dev.atdd.core.Typo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contract's JSON Schema document: its property names, read with the contract, and its whole tree,
 * built only when first asked for. Only the type mapping of relational contracts needs the tree;
 * the checks of thousands of contracts do not, and holding the bytes instead of the trees keeps
 * their memory and their garbage collection small.
 */
public final class SchemaDocument {

    /** JSON Schema's type names, in the order a "did you mean" tries them: the first of equals wins. */
    public static final List<String> TYPE_NAMES =
            List.of("string", "integer", "number", "boolean", "object", "array", "null");

    /**
     * JSON Schema's keywords (draft-07, 2019-09 and 2020-12), in the order a "did you mean" tries them. A key that
     * is none of them but a letter from one is most likely a slip, which validators ignore as they
     * ignore any unknown key: {@code "fromat": "uuid"} would leave a column TEXT without a word.
     */
    public static final List<String> KEYWORDS = List.of("$schema", "$id", "$defs", "$ref", "$comment", "$anchor",
            "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$vocabulary", "title",
            "description", "default", "readOnly", "writeOnly", "deprecated", "examples", "multipleOf", "maximum",
            "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "additionalItems",
            "items", "prefixItems", "maxItems", "minItems", "uniqueItems", "contains", "minContains", "maxContains",
            "maxProperties", "minProperties", "required", "dependentRequired", "additionalProperties", "definitions",
            "properties", "patternProperties", "dependencies", "dependentSchemas", "propertyNames",
            "unevaluatedProperties", "unevaluatedItems", "const", "enum", "type", "format", "contentMediaType",
            "contentEncoding", "contentSchema", "if", "then", "else", "allOf", "anyOf", "oneOf", "not");

    /** The formats JSON Schema defines (draft-07, 2019-09 and 2020-12), in the order a "did you mean" tries them. */
    public static final List<String> FORMATS = List.of("date-time", "date", "time", "duration", "email", "idn-email",
            "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid",
            "uri-template", "json-pointer", "relative-json-pointer", "regex");

    private static final Set<String> KEYWORD_SET = Set.copyOf(KEYWORDS);


    /** Keys a letter from a keyword that are common annotations of their own, not slips. */
    private static final Set<String> NOT_MISSPELT_KEYWORDS = Set.of(
            "example", // OpenAPI's single example, beside JSON Schema's examples
            "definition", // a glossary's definition of the data, beside definitions
            "comment", // a remark, as $comment is: neither changes the table
            "note"); // a remark a schema may carry, near not

    /** Formats a letter from one JSON Schema defines that are custom formats of their own, not slips (legal). */
    private static final Set<String> NOT_MISSPELT_FORMATS = Set.of(
            "url", // a common custom name of uri: TEXT either way
            "guid", "ulid", "cuid", // identifiers of their own (.NET's GUID, ULID, CUID), near uuid
            // pydantic's UUID1 to UUID8 types write these: a UUID of one version, not a slip of uuid
            "uuid1", "uuid3", "uuid4", "uuid5", "uuid6", "uuid7", "uuid8");

    private final byte[] json;
    private final Set<String> propertyNames;
    private final Set<String> rootKeys;
    private final List<String> requiredNames;
    private volatile JsonNode tree;

    private SchemaDocument(byte[] json, Set<String> propertyNames, Set<String> rootKeys, List<String> requiredNames,
                           JsonNode tree) {
        this.json = json;
        this.propertyNames = Collections.unmodifiableSet(new LinkedHashSet<>(propertyNames));
        this.rootKeys = Collections.unmodifiableSet(new LinkedHashSet<>(rootKeys));
        this.requiredNames = List.copyOf(requiredNames);
        this.tree = tree;
    }

    /** A document whose text was already checked by {@link ContractReader}: parsing it again cannot fail. */
    static SchemaDocument ofCheckedJson(byte[] json, Set<String> propertyNames, Set<String> rootKeys,
                                        List<String> requiredNames) {
        return new SchemaDocument(json, propertyNames, rootKeys, requiredNames, null);
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
        Set<String> rootKeys = new LinkedHashSet<>();
        tree.fieldNames().forEachRemaining(rootKeys::add);
        return new SchemaDocument(null, names, rootKeys, requiredNamesOf(tree), tree);
    }

    /** The names {@code root}'s {@code required} lists (its texts), as {@link #requiredNames} keeps them. */
    static List<String> requiredNamesOf(JsonNode root) {
        List<String> required = new ArrayList<>();
        root.path("required").forEach(name -> {
            if (name.isTextual()) {
                required.add(name.textValue());
            }
        });
        return required;
    }

    /**
     * The entries of a {@code type} keyword at {@code pointer} by their pointers, in order: the value itself, or
     * each of an array's ({@code pointer/0}, …); none when it is missing.
     */
    public static Map<String, JsonNode> typeEntries(JsonNode type, String pointer) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (type == null || type.isMissingNode()) {
            return entries;
        }
        if (type.isArray()) {
            for (int i = 0; i < type.size(); i++) {
                entries.put(pointer + "/" + i, type.get(i));
            }
        } else {
            entries.put(pointer, type);
        }
        return entries;
    }

    /** The problem of a type name JSON Schema does not know: {@code unknown … "strng" (did you mean string?)}. */
    public static String unknownType(String typed) {
        return "unknown JSON Schema type \"" + typed + "\"" + Typo.didYouMean(typed, TYPE_NAMES);
    }

    /** Whether {@code key} is one of JSON Schema's {@link #KEYWORDS}, as written. */
    public static boolean isKeyword(String key) {
        return KEYWORD_SET.contains(key);
    }

    /**
     * The keyword an unknown key of a schema most likely slips for ({@code fromat}: format); none for a keyword, an
     * extension ({@code x-…}, its own tool's), or one of the common annotations that merely look like a slip.
     */
    public static Optional<String> keywordMeant(String key) {
        if (KEYWORD_SET.contains(key) || key.startsWith("x-") || NOT_MISSPELT_KEYWORDS.contains(key)) {
            return Optional.empty();
        }
        return slipOf(key, KEYWORDS);
    }

    /**
     * The word a key or format most likely slips for, one letter off ({@code fromat}, {@code datetime},
     * {@code maxLenght}): at two, annotations a schema may carry read as slips ({@code time} of {@code title},
     * {@code isRequired} of {@code required}); none for a key of two letters or fewer ({@code to} is no {@code not}).
     */
    public static Optional<String> slipOf(String key, List<String> words) {
        return key.length() <= 2 ? Optional.empty() : Typo.meant(key, words, 1);
    }

    /**
     * The format JSON Schema defines that a format most likely slips for ({@code datetime}: date-time); none for a
     * defined format, nor for a custom one that is no near miss or is a common one of its own.
     */
    public static Optional<String> formatMeant(String format) {
        if (FORMATS.contains(format) || NOT_MISSPELT_FORMATS.contains(format)) {
            return Optional.empty();
        }
        return slipOf(format, FORMATS);
    }

    /** The problem of a key most likely misspelt: {@code unknown key "fromat" (did you mean format?)}. */
    public static String unknownKey(String key, String meant) {
        return "unknown key \"" + key + "\"" + Typo.suggesting(meant);
    }

    /** The names under {@code properties} in file order, when it is an object; empty otherwise. */
    public Set<String> propertyNames() {
        return propertyNames;
    }

    /** The keys of the schema's root object, in file order. */
    public Set<String> rootKeys() {
        return rootKeys;
    }

    /** The names {@code required} lists at the root, when it is an array; empty otherwise. */
    public List<String> requiredNames() {
        return requiredNames;
    }

    /**
     * Problems of the contract {@code file} at JSON pointers into this document: placed at their values' lines
     * and columns when the document was read from that file (see {@link ContractReader#place}), without a
     * place when it was built in code. No problem, no reading: most contracts have none.
     */
    List<Problem> place(Path file, List<SchemaProblem> problems) {
        if (problems.isEmpty()) {
            return List.of();
        }
        if (json == null) {
            return problems.stream().map(p -> Problem.in(file, p.pointer() + ": " + p.message())).toList();
        }
        return ContractReader.place(file, ContractReader.decodeChecked(json), problems);
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
