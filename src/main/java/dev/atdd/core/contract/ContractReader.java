package dev.atdd.core.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.LineBreaks;
import dev.atdd.core.LowerCaseName;
import dev.atdd.core.MergeConflict;
import dev.atdd.core.Problem;
import dev.atdd.core.Typo;
import dev.atdd.core.Utf8Text;
import dev.atdd.core.contract.IndexSpec.IndexMethod;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.naming.TableName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one contract file. Strict: UTF-8 only, no duplicate keys, nothing after the top-level
 * object; every problem of the file is reported at once, syntax errors with line and column,
 * schema errors with their JSON pointer and the line and column of the value it names.
 */
public final class ContractReader {

    static final String SUFFIX = ".schema.json";

    /** The top-level members {@link Fields} reads, besides {@code properties}. */
    private static final Set<String> OUTLINED = Set.of("$id", "title", "description", "version", "required", "type",
            "x-artifact-metadata");
    private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();
    // The whole file is already in memory: a string as long as the file is no further risk.
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private ContractReader() {
    }

    /**
     * @param file   a {@code *.schema.json} file at least two folders below {@code root}
     * @throws InvalidInputException listing every problem of the file
     */
    public static Contract read(Path file, Path root) {
        Reading reading = reading(file, locate(file, root).orElseThrow(() -> new InvalidInputException(
                Problem.in(file, "not under {theme}/{domain}/: a table contract lies at least two folders deep"))));
        if (!reading.problems().isEmpty()) {
            throw new InvalidInputException(reading.problems());
        }
        return reading.contract().orElseThrow();
    }

    /**
     * What reading a file that parses gives: its contract, or the problems of its fields, with the contract as far
     * as it could be read when it says it is relational (for {@link ContractCatalog#relationalWithProblems}).
     *
     * @param contract the contract; with problems, the relational one as far as it could be read
     * @param problems the problems of the contract's fields, placed; none for a contract read whole
     */
    record Reading(Optional<Contract> contract, List<Problem> problems) {
    }

    /**
     * Reads the file in one streaming pass: the whole text is checked (syntax, duplicate keys,
     * nothing after the object), but only the members the plugin reads become a tree, the outline;
     * the contract keeps the bytes for the whole tree, which only the type mapping needs.
     *
     * @throws InvalidInputException when the file holds no contract to read: not UTF-8, not JSON, no object
     */
    static Reading reading(Path file, ContractLocation location) {
        byte[] bytes = Utf8Text.bytes(file);
        Set<String> propertyNames = new LinkedHashSet<>();
        Set<String> rootKeys = new LinkedHashSet<>();
        ObjectNode outline;
        // Decoded first, to report a byte that is not UTF-8 where it is. (Jackson's parser of bytes
        // places some syntax errors one column away from its parser of text: one parser, one answer.)
        CharBuffer text = Utf8Text.decode(file, bytes, "save the file as UTF-8");
        JsonParser parser = parser(text);
        try (parser) {
            try {
                outline = outline(parser, file, propertyNames, rootKeys);
            } catch (JsonProcessingException e) {
                // Here, not in the outer catch: the parser must still be open to say where it stopped.
                throw syntaxError(file, text, parser, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Problem> loneSurrogate = holdsUnicodeEscape(bytes) ? loneSurrogate(file, text) : Optional.empty();
        if (loneSurrogate.isPresent()) {
            throw new InvalidInputException(loneSurrogate.get());
        }
        return new Fields(file, text, outline).reading(location, SchemaDocument.ofCheckedJson(bytes, propertyNames,
                rootKeys, SchemaDocument.requiredNamesOf(outline)));
    }

    private static InvalidInputException syntaxError(Path file, CharBuffer text, JsonParser parser,
                                                     JsonProcessingException e) {
        Optional<Problem> conflict = MergeConflict.in(file, text.toString());
        if (conflict.isPresent()) {
            return new InvalidInputException(conflict.get());
        }
        // A limit exceeded (nesting depth, a number's length) comes without a place: the token that exceeded it.
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
        int line = where == null ? 0 : Math.max(where.getLineNr(), 1);
        int column = where == null ? 0 : Math.max(where.getColumnNr(), 1);
        return new InvalidInputException(new Problem(file, line, column, "invalid JSON: "
                + JsonSyntaxError.describe(e, parser.getParsingContext())));
    }

    /**
     * Whether the text holds a {@code \\u} escape at all, which most contracts do not: one search of the bytes
     * (UTF-8 writes no ASCII byte inside another character) with the JDK's intrinsic, where the loop
     * over every character below ran interpreted in a cold JVM, a tenth of a second for 10,000 contracts.
     */
    private static boolean holdsUnicodeEscape(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains("\\u");
    }

    /**
     * A {@code \uD800}–{@code \uDFFF} escape that is not half of a pair, where it is.
     * Jackson reads it into a Java string as it is, and writing that string as UTF-8 would turn it into
     * {@code ?}: a contract value changed without a word. Raw surrogates cannot occur: the text
     * decoded as UTF-8.
     */
    private static Optional<Problem> loneSurrogate(Path file, CharBuffer text) {
        int length = text.length();
        for (int i = 0; i + 5 < length; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            if (text.charAt(i + 1) != 'u') {
                i++; // \\, \" and the like: the next character is no escape
                continue;
            }
            // The text parsed: every \\u here has four hex digits.
            char unit = (char) hex(text, i + 2);
            boolean pair = Character.isHighSurrogate(unit) && i + 11 < length && text.charAt(i + 6) == '\\'
                    && text.charAt(i + 7) == 'u' && Character.isLowSurrogate((char) hex(text, i + 8));
            if (!pair && Character.isSurrogate(unit)) {
                // Placed only now, as the parser places its errors (lines and columns as LineBreaks counts them).
                return Optional.of(Problem.at(file, text.toString(), i, "the escape "
                        + text.subSequence(i, i + 6) + " is half of a UTF-16 pair (a lone surrogate): no character,"
                        + " and no text PostgreSQL can hold"));
            }
            i += pair ? 11 : 5;
        }
        return Optional.empty();
    }

    /** The four hex digits at {@code at} as a number, or -1. */
    private static int hex(CharBuffer text, int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /**
     * The top-level members the plugin reads ({@link #OUTLINED}), with {@code properties} as an
     * empty object when it is one (its names go to {@code propertyNames}); every other value is
     * skipped, still checked by the parser. The root's keys, all of them, go to {@code rootKeys}.
     */
    private static ObjectNode outline(JsonParser parser, Path file, Set<String> propertyNames, Set<String> rootKeys)
            throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new InvalidInputException(Problem.in(file, "empty file: a contract is a JSON Schema object"));
        }
        if (first != JsonToken.START_OBJECT) {
            parser.skipChildren();
            requireEnd(parser);
            throw new InvalidInputException(new Problem(file, 1, 1, "a contract is a JSON object, found " + kind(first)));
        }
        ObjectNode outline = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            rootKeys.add(name);
            JsonToken value = parser.nextToken();
            if (name.equals("properties") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    propertyNames.add(parser.currentName());
                    parser.nextToken();
                    parser.skipChildren();
                }
                outline.putObject(name);
            } else if (value == JsonToken.VALUE_STRING && OUTLINED.contains(name)) {
                outline.put(name, parser.getText());
            } else if (OUTLINED.contains(name) || name.equals("properties")) {
                // properties of the wrong type, too: Fields reports it
                outline.set(name, JsonTree.read(parser));
            } else {
                parser.skipChildren();
            }
        }
        requireEnd(parser);
        return outline;
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "something follows the contract's object: a contract file holds"
                    + " one JSON object",
                    parser.currentTokenLocation());
        }
    }

    /**
     * The problems of the contract {@code text} at their JSON pointers, each placed at the line and column of
     * the value its pointer names (as syntax errors are placed), or, when the file has no such value (a member
     * that is missing), of the nearest value above it that it has; the root does not count as a place. One
     * pass over the text places them all; its callers call it only when there is a problem, so a file
     * without one is not read again.
     */
    static List<Problem> place(Path file, CharBuffer text, List<SchemaProblem> problems) {
        Set<String> wanted = new HashSet<>();
        for (SchemaProblem problem : problems) {
            // Escaped names hold no '/': every prefix of a pointer ends before one of its '/'.
            String pointer = problem.pointer();
            for (int cut = pointer.indexOf('/', 1); cut > 0; cut = pointer.indexOf('/', cut + 1)) {
                wanted.add(pointer.substring(0, cut));
            }
            wanted.add(pointer);
        }
        Map<String, JsonLocation> starts = new HashMap<>();
        try (JsonParser parser = parser(text.duplicate())) {
            parser.nextToken();
            valueStarts(parser, "", wanted, starts);
        } catch (IOException e) {
            throw new IllegalStateException("a checked contract no longer parses", e);
        }
        List<Problem> placed = new ArrayList<>(problems.size());
        for (SchemaProblem problem : problems) {
            String described = problem.pointer() + ": " + problem.message();
            JsonLocation at = null;
            for (String pointer = problem.pointer(); at == null && !pointer.isEmpty();
                 pointer = pointer.substring(0, Math.max(pointer.lastIndexOf('/'), 0))) {
                at = starts.get(pointer);
            }
            placed.add(at == null ? Problem.in(file, described)
                    : new Problem(file, at.getLineNr(), at.getColumnNr(), described));
        }
        return placed;
    }

    /**
     * Where each value of {@code wanted} starts, the parser standing on the first token of the value at
     * {@code pointer}; members and elements no wanted pointer goes through are passed over.
     */
    private static void valueStarts(JsonParser parser, String pointer, Set<String> wanted,
                                    Map<String, JsonLocation> starts) throws IOException {
        if (wanted.contains(pointer)) {
            starts.put(pointer, parser.currentTokenLocation());
        }
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = pointer + "/" + SchemaProblem.pointerToken(parser.currentName());
                parser.nextToken();
                descend(parser, member, wanted, starts);
            }
        } else if (token == JsonToken.START_ARRAY) {
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                descend(parser, pointer + "/" + i, wanted, starts);
            }
        }
    }

    private static void descend(JsonParser parser, String pointer, Set<String> wanted,
                                Map<String, JsonLocation> starts) throws IOException {
        if (wanted.contains(pointer)) {
            valueStarts(parser, pointer, wanted, starts);
        } else {
            parser.skipChildren();
        }
    }

    /** The characters of a text {@link #read} already checked. */
    static CharBuffer decodeChecked(byte[] json) {
        return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(json));
    }

    /** Parses a text {@link #read} already checked, with the same parser of text. */
    static JsonNode parseChecked(byte[] json) {
        try (JsonParser parser = parser(decodeChecked(json))) {
            parser.nextToken();
            return JsonTree.read(parser);
        } catch (IOException e) {
            throw new IllegalStateException("a checked contract no longer parses", e);
        }
    }

    /** Theme, domain and aspect of a file under the root, or empty when it lies less than two folders deep. */
    static Optional<ContractLocation> locate(Path file, Path root) {
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        if (relative.getNameCount() < 3 || relative.startsWith("..")) {
            return Optional.empty();
        }
        String fileName = relative.getFileName().toString();
        String aspect = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        return Optional.of(new ContractLocation(relative.getName(0).toString(), relative.getName(1).toString(),
                aspect, relative.toString().replace('\\', '/')));
    }

    /** A parser of the decoded characters where they are, without a byte order mark: no String, no copy. */
    private static JsonParser parser(CharBuffer text) {
        int skip = LineBreaks.firstLineStart(text);
        try {
            return JSON.createParser(text.array(), text.arrayOffset() + text.position() + skip, text.remaining() - skip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "null";
        };
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** The checked reading of a contract's outline (the members it reads); collects every problem it finds. */
    private static final class Fields {
        private final Path file;
        private final CharBuffer text;
        private final JsonNode outline;
        private final List<SchemaProblem> problems = new ArrayList<>();

        Fields(Path file, CharBuffer text, JsonNode outline) {
            this.file = file;
            this.text = text;
            this.outline = outline;
        }

        Reading reading(ContractLocation location, SchemaDocument document) {
            Optional<String> id = text(outline, "/$id");
            Optional<String> title = text(outline, "/title");
            Optional<String> description = text(outline, "/description");
            Optional<String> version = text(outline, "/version");
            checkProperties();
            checkRootKeys(document.rootKeys());
            JsonNode metadata = object(outline, "/x-artifact-metadata");
            Optional<Audience> audience = Optional.empty();
            Optional<Strategy> strategy = Optional.empty();
            Optional<String> table = Optional.empty();
            Optional<String> migration = Optional.empty();
            List<IndexSpec> indexes = List.of();
            if (metadata != null) {
                // Other tools keep their own keys here; only a near miss of "persistence" is surely a typo.
                for (Map.Entry<String, JsonNode> member : metadata.properties()) {
                    String key = member.getKey();
                    // A near miss holding persistence's own keys: persistent: true may well be another tool's.
                    if (!key.equals("persistence") && Typo.resembles(key, "persistence") && member.getValue().isObject()
                            && PERSISTENCE_KEYS.stream().anyMatch(member.getValue()::has)) {
                        problem("/x-artifact-metadata/" + SchemaProblem.pointerToken(key), "unknown key \"" + key
                                + "\": did you mean persistence?");
                    }
                }
                audience = text(outline, "/x-artifact-metadata/to").flatMap(this::audience);
                JsonNode persistence = object(outline, "/x-artifact-metadata/persistence");
                if (persistence != null) {
                    onlyKeys(persistence, "/x-artifact-metadata/persistence", PERSISTENCE_KEYS);
                    strategy = text(outline, "/x-artifact-metadata/persistence/strategy").flatMap(this::strategy);
                    table = text(outline, "/x-artifact-metadata/persistence/table").flatMap(this::table);
                    migration = text(outline, Contract.MIGRATION_POINTER);
                    indexes = indexes();
                }
            }
            Contract contract = new Contract(file, location, document, id, title, description, version, audience,
                    strategy, table, migration, indexes);
            if (problems.isEmpty()) {
                return new Reading(Optional.of(contract), List.of());
            }
            // A relational contract is kept as far as it was read, so that its type mapping's problems come in the
            // same run. Not one whose strategy is unreadable (a typo of relational, a persistence that is no
            // object): whether the type mapping applies to it cannot be known.
            return new Reading(strategy.equals(Optional.of(Strategy.RELATIONAL)) ? Optional.of(contract)
                    : Optional.empty(), place(file, text, problems));
        }

        private void checkProperties() {
            // A table contract's own type (object): a misspelt one would pass unseen, as no column maps it.
            SchemaDocument.typeEntries(at(outline, "/type"), "/type").forEach((pointer, name) -> {
                if (name.isTextual() && !SchemaDocument.TYPE_NAMES.contains(name.textValue())) {
                    problem(pointer, SchemaDocument.unknownType(name.textValue()));
                }
            });
            JsonNode properties = at(outline, "/properties");
            if (!properties.isMissingNode() && !properties.isObject()) {
                problem("/properties", "expected an object of property schemas, found " + kind(properties));
            }
            JsonNode required = at(outline, "/required");
            if (!required.isMissingNode()) {
                if (!required.isArray()) {
                    problem("/required", "expected an array of property names, found " + kind(required));
                } else {
                    for (int i = 0; i < required.size(); i++) {
                        if (!required.get(i).isTextual()) {
                            problem("/required/" + i, "expected a property name, found " + kind(required.get(i)));
                        }
                    }
                }
            }
        }

        /**
         * A misspelt keyword at the root changes the contract without a word: {@code propertes} leaves it without
         * properties, so without a table; {@code x-artefact-metadata} leaves its settings unread. Only the keys the
         * outline already holds are looked at, and only those the plugin does not read cost a lookup.
         */
        private void checkRootKeys(Set<String> rootKeys) {
            for (String key : rootKeys) {
                if (OUTLINED.contains(key) || SchemaDocument.isKeyword(key)) {
                    continue;
                }
                if (MISPLACED_METADATA.contains(key)) {
                    // Read nowhere else: a table of another shape, or under another name, would follow unseen.
                    problem("/" + SchemaProblem.pointerToken(key), "\"" + key + "\" is read inside x-artifact-metadata"
                            + (PERSISTENCE_KEYS.contains(key) ? ".persistence" : "") + ", not at the contract's root");
                    continue;
                }
                // version is no keyword, but the table's COMMENT carries it.
                Optional<String> meant = Typo.resembles(key, "x-artifact-metadata")
                        ? Optional.of("x-artifact-metadata")
                        : SchemaDocument.keywordMeant(key).or(() -> SchemaDocument.slipOf(key, List.of("version")));
                meant.ifPresent(word -> problem("/" + SchemaProblem.pointerToken(key),
                        SchemaDocument.unknownKey(key, word)));
            }
        }

        private Optional<Audience> audience(String to) {
            return switch (to) {
                case "internal" -> Optional.of(Audience.INTERNAL);
                case "external" -> Optional.of(Audience.EXTERNAL);
                default -> {
                    problem("/x-artifact-metadata/to", "expected internal or external, found \"" + to + "\""
                            + Typo.didYouMean(to, List.of("internal", "external")));
                    yield Optional.empty();
                }
            };
        }

        private Optional<Strategy> strategy(String written) {
            Optional<Strategy> strategy = Strategy.parse(written);
            if (strategy.isEmpty()) {
                problem("/x-artifact-metadata/persistence/strategy",
                        "expected none, jsonb or relational, found \"" + written + "\""
                                + Typo.didYouMean(written, List.of("none", "jsonb", "relational")));
            }
            return strategy;
        }

        private Optional<String> table(String name) {
            if (!TableName.isWrittenForm(name)) {
                problem("/x-artifact-metadata/persistence/table", TableName.notWrittenForm(name));
                return Optional.empty();
            }
            if (!PgIdentifier.fits(name)) {
                problem("/x-artifact-metadata/persistence/table",
                        "\"" + name + "\" is longer than PostgreSQL's 63 bytes");
                return Optional.empty();
            }
            return Optional.of(name);
        }

        private List<IndexSpec> indexes() {
            String base = "/x-artifact-metadata/persistence/indexes";
            JsonNode indexes = at(outline, base);
            if (indexes.isMissingNode()) {
                return List.of();
            }
            if (!indexes.isArray()) {
                problem(base, "expected an array of {name, type, fields}, found " + kind(indexes));
                return List.of();
            }
            List<IndexSpec> specs = new ArrayList<>();
            for (int i = 0; i < indexes.size(); i++) {
                String pointer = base + "/" + i;
                if (!indexes.get(i).isObject()) {
                    problem(pointer, "expected an object {name, type, fields}, found " + kind(indexes.get(i)));
                    continue;
                }
                onlyKeys(indexes.get(i), pointer, INDEX_KEYS);
                Optional<String> name = text(outline, pointer + "/name");
                IndexMethod method = text(outline, pointer + "/type").map(type -> method(pointer, type))
                        .orElse(IndexMethod.BTREE);
                List<String> fields = new ArrayList<>();
                JsonNode list = at(outline, pointer + "/fields");
                if (!list.isArray() || list.isEmpty()) {
                    problem(pointer + "/fields", "expected a non-empty array of field names");
                } else {
                    for (int f = 0; f < list.size(); f++) {
                        if (list.get(f).isTextual()) {
                            fields.add(list.get(f).asText());
                        } else {
                            problem(pointer + "/fields/" + f, "expected a field name, found " + kind(list.get(f)));
                        }
                    }
                }
                if (method != null) {
                    specs.add(new IndexSpec(name.orElse(null), method, fields, pointer));
                }
            }
            return specs;
        }

        private IndexMethod method(String pointer, String type) {
            Optional<IndexMethod> method = LowerCaseName.parse(IndexMethod.class, type);
            if (method.isEmpty()) {
                // No "did you mean": brin, spgist and the like are PostgreSQL's own methods, not slips.
                problem(pointer + "/type", "expected btree, gin, gist or hash, found \"" + type + "\"");
            }
            return method.orElse(null);
        }

        private JsonNode object(JsonNode root, String pointer) {
            JsonNode node = at(root, pointer);
            if (node.isMissingNode()) {
                return null;
            }
            if (!node.isObject()) {
                problem(pointer, "expected an object, found " + kind(node));
                return null;
            }
            return node;
        }

        private Optional<String> text(JsonNode root, String pointer) {
            JsonNode node = at(root, pointer);
            if (node.isMissingNode() || node.isNull()) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                problem(pointer, "expected a string, found " + kind(node));
                return Optional.empty();
            }
            return Optional.of(node.asText());
        }

        /** {@code root.at(pointer)}, compiling each of the few pointers once rather than once per contract. */
        private static JsonNode at(JsonNode root, String pointer) {
            return root.at(POINTERS.computeIfAbsent(pointer, JsonPointer::compile));
        }

        private void problem(String pointer, String message) {
            problems.add(new SchemaProblem(pointer, message));
        }

        /** A misspelled key would leave its setting unread: the table made once, in another shape or name. */
        private void onlyKeys(JsonNode object, String pointer, List<String> keys) {
            object.fieldNames().forEachRemaining(key -> {
                if (!keys.contains(key)) {
                    problem(pointer + "/" + SchemaProblem.pointerToken(key), "unknown key \"" + key + "\": expected "
                            + String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1)
                            + Typo.didYouMean(key, keys));
                }
            });
        }
    }

    private static final List<String> PERSISTENCE_KEYS = List.of("strategy", "table", "migration", "indexes");
    /** The keys of x-artifact-metadata, its persistence's too, which a contract's root does not take for them. */
    private static final Set<String> MISPLACED_METADATA = Set.of("to", "persistence", "strategy", "table",
            "migration", "indexes");
    private static final List<String> INDEX_KEYS = List.of("name", "type", "fields");

    /** A JSON pointer token for {@code key}. */
}
