package dev.atdd.core.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.contract.ContractLocation;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.naming.SnakeCase;
import dev.atdd.core.naming.TableName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A random hostile contract, reproducible from its seed: awkward property names (quotes, spaces, unicode,
 * reserved words, 100+ bytes, names that collide after snake_case or after shortening), enums and consts
 * full of quotes, backslashes, empty strings, nulls and mixed kinds, patterns, integer bounds around 2^31
 * and 2^63, type arrays, combinators, {@code $ref} chains and cycles, deep nesting and descriptions with
 * {@code ' *} {@code / -- $$}. Each property carries the {@link Expectation} the database must agree with.
 *
 * @param folders     theme, domain and aspect (the file lies at {@code theme/domain/aspect.schema.json})
 * @param expected    by the property's JSON pointer
 * @param mustBeRefused true when something in it is invalid for certain
 */
record HostileContract(long seed, List<String> folders, ObjectNode schema, Map<String, Expectation> expected,
                       Set<String> required, boolean mustBeRefused) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger TWO_31 = BigInteger.TWO.pow(31);
    private static final BigInteger TWO_63 = BigInteger.TWO.pow(63);

    static final List<String> HOSTILE_TEXT = List.of("'", "\"", "a\\b", "é", "", " ", "Cap'n Proto", "*/", "/*",
            "-- x", "$$", "$tag$ x $tag$", "TODO: fix", "⚠️ TODO: review", "line\nbreak", "tab\there", "\\'", "''",
            "名前", "😀", "1", "true", "null", "NULL", "E'x'", "\u2028", ";DROP TABLE x;--", "%s", "${x}", "<#if>");

    private static final List<List<String>> COLLIDING = List.of(
            List.of("devDependencies", "dev_dependencies", "dev-dependencies", "DevDependencies"),
            List.of("Authorization", "authorization", "AUTHORIZATION"),
            List.of("X-Api-Key", "x-api-key", "x_api_key", "xApiKey"),
            List.of("a b", "a_b", "a  b", "a/b", "a~b", "a.b"),
            List.of("createdAt", "created_at", "CreatedAt"),
            List.of("café", "caf", "caf_"),
            List.of("1st", "_1st", "1 st"));
    private static final List<String> NAMES = List.of("name", "playerId", "score", "user", "order", "group",
            "default", "authorization", "verbose", "left", "table", "create", "time", "timestamp", "values",
            "select", "Order", "USER", "it's", "say \"hi\"", "a b", " lead", "trail ", "tab\tname", "new\nline",
            "café", "名前", "Ωmega", "😀smile", "$", "@", "--", "", "123abc", "_", "id", "ID", "data", "x~y", "a/b",
            "null", "check", "updated_at", "updatedAt", "a\u0000b", "%20", "$ref", "properties");

    static HostileContract generate(long seed) {
        return new Generator(new SplittableRandom(seed)).contract(seed);
    }

    /** The property pointer of a name, as the type mapping writes it. */
    static String pointerOf(String property) {
        return "/properties/" + property.replace("~", "~0").replace("/", "~1");
    }

    /** The stateful part of the generation: one per contract. */
    private static final class Generator {
        private final SplittableRandom random;
        private final ObjectNode root = NODES.objectNode();
        private final Map<String, ObjectNode> containers = new LinkedHashMap<>();
        private boolean mustBeRefused;
        private int definitionCount;
        /** Whether this contract may hold what must be refused; the others test the applied SQL. */
        private boolean refusable;

        Generator(SplittableRandom random) {
            this.random = random;
        }

        HostileContract contract(long seed) {
            refusable = random.nextInt(3) == 0;
            List<String> folders = List.of(pick(List.of("game", "Match Day", "théme-x", "order", "t".repeat(70))),
                    pick(List.of("match", "user", "dev-ops", "d".repeat(40))),
                    pick(List.of("session", "dev-dependencies", "Order", "a".repeat(80), "currentState")));
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.put("type", "object");
            text("$id");
            text("title");
            text("description");
            text("version");
            ObjectNode properties = root.putObject("properties");
            Map<String, Expectation> expected = new LinkedHashMap<>();
            for (String name : names()) {
                Expectation expectation = property(properties, name);
                expected.put(pointerOf(name), expectation);
                mustBeRefused |= expectation.broken();
            }
            Set<String> required = required(properties);
            if (refusable && random.nextInt(2) == 0) {
                indexes(properties, TableName.of(Path.of(folders.get(2)), new ContractLocation(folders.get(0),
                        folders.get(1), folders.get(2), String.join("/", folders)), Optional.empty()).value());
            }
            return new HostileContract(seed, folders, root, expected, required, mustBeRefused);
        }

        private void text(String field) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                return;
            }
            if (kind == 3) {
                root.put(field, String.join(" ", HOSTILE_TEXT));
            } else if (kind == 4) {
                root.put(field, "long ".repeat(600) + "'");
            } else if (kind == 5 && refusable && random.nextInt(3) == 0) {
                root.put(field, "nul \u0000 inside");
            } else {
                root.put(field, pick(HOSTILE_TEXT) + pick(HOSTILE_TEXT));
            }
        }

        private Set<String> names() {
            Set<String> names = new LinkedHashSet<>();
            int count = 1 + random.nextInt(7);
            for (int i = 0; i < count; i++) {
                switch (random.nextInt(refusable ? 8 : 7) + (refusable ? 0 : 1)) {
                    case 0 -> names.addAll(pickSome(pick(COLLIDING)));
                    case 1 -> {
                        String longName = "property_" + "é".repeat(random.nextInt(3)) + "x".repeat(60 + random.nextInt(80));
                        names.add(longName);
                        if (refusable && random.nextBoolean()) {
                            names.add(PgIdentifier.fit(longName)); // collides after shortening
                        } else {
                            names.add(longName + "_other"); // shares the first 63 bytes
                        }
                    }
                    case 2 -> names.add(pick(HOSTILE_TEXT) + "field" + i);
                    default -> names.add(pick(NAMES));
                }
            }
            return refusable ? names : distinctColumns(names);
        }

        /** The names that make distinct, usable columns, the first of each kept: no problem to report. */
        private static Set<String> distinctColumns(Set<String> names) {
            Set<String> columns = new HashSet<>(Set.of("id", "created_at", "updated_at"));
            Set<String> kept = new LinkedHashSet<>();
            for (String name : names) {
                String snake = SnakeCase.of(name);
                String column = PgIdentifier.fit(!snake.isEmpty() && Character.isDigit(snake.charAt(0)) ? "_" + snake : snake);
                if (name.equals("id") || (!snake.isEmpty() && columns.add(column))) {
                    kept.add(name);
                }
            }
            return kept;
        }

        private Set<String> required(ObjectNode properties) {
            Set<String> required = new LinkedHashSet<>();
            properties.fieldNames().forEachRemaining(name -> {
                if (random.nextBoolean()) {
                    required.add(name);
                }
            });
            ArrayNode list = NODES.arrayNode();
            required.forEach(list::add);
            if (refusable && random.nextInt(5) == 0) {
                list.add("ghost");
                mustBeRefused = true;
            }
            if (refusable && random.nextInt(10) == 0) {
                list.add(7);
                mustBeRefused = true;
            }
            if (!list.isEmpty()) {
                root.set("required", list);
            }
            return required;
        }

        private void indexes(ObjectNode properties, String table) {
            ArrayNode indexes = root.putObject("x-artifact-metadata").putObject("persistence").putArray("indexes");
            List<String> fields = new ArrayList<>();
            properties.fieldNames().forEachRemaining(fields::add);
            fields.addAll(List.of("id", "created_at"));
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                ObjectNode index = indexes.addObject();
                if (random.nextBoolean()) {
                    // Tables and indexes share one namespace (PITFALLS 3): the table's own name and its key's index.
                    index.put("name", pick(List.of("by_x", "Order", "a\"b", "n".repeat(90), "by_x", "it's", "idx",
                            table, PgIdentifier.fit(table + "_pkey"), "idx_" + table + "_data")));
                }
                index.put("type", pick(List.of("btree", "btree", "hash", "gin", "gist")));
                ArrayNode on = index.putArray("fields");
                for (int f = random.nextInt(2); f >= 0; f--) {
                    on.add(pick(fields));
                }
            }
        }

        /** Adds one property; a third of them reach their schema through {@code $ref} or {@code allOf}. */
        private Expectation property(ObjectNode properties, String name) {
            Leaf leaf = leaf(0);
            int wrap = random.nextInt(12);
            if (wrap == 0) {
                properties.set(name, chain(leaf.schema(), 1 + random.nextInt(10)));
                return leaf.expectation();
            }
            if (wrap == 1) {
                properties.set(name, NODES.objectNode().set("allOf", NODES.arrayNode().add(chain(leaf.schema(), 1))));
                return leaf.expectation();
            }
            if (wrap == 2) {
                // A cycle: every schema on it is a reference, so nothing is known about null.
                String first = definitionName();
                String second = definitionName();
                container().set(first, ref(second));
                container().set(second, ref(first));
                properties.set(name, ref(first));
                return Expectation.of(List.of(), false).nullUnknown();
            }
            if (wrap == 3) {
                properties.set(name, NODES.objectNode().put("$ref", "#"));
                return Expectation.of(List.of(), false);
            }
            properties.set(name, leaf.schema());
            return leaf.expectation();
        }

        private ObjectNode ref(String definition) {
            return NODES.objectNode().put("$ref", refText(definition));
        }

        /** {@code depth} definitions, each referring to the next, the last holding {@code schema}. */
        private JsonNode chain(JsonNode schema, int depth) {
            JsonNode current = schema;
            for (int i = 0; i < depth; i++) {
                String name = definitionName();
                container().set(name, current);
                current = ref(name);
            }
            return current;
        }

        private String definitionName() {
            return pick(List.of("def", "a/b", "x~y", "sp ace", "per%cent", "é", "ref")) + (definitionCount++);
        }

        private String currentContainer;

        private ObjectNode container() {
            if (currentContainer == null) {
                currentContainer = random.nextBoolean() ? "definitions" : "$defs";
            }
            return containers.computeIfAbsent(currentContainer, root::putObject);
        }

        /** A local reference as a URI fragment: a JSON pointer, percent-encoded where a URI needs it. */
        private String refText(String definition) {
            String pointer = "/" + currentContainer + "/" + definition.replace("~", "~0").replace("/", "~1");
            if (random.nextBoolean() && !definition.contains("%")) {
                return "#" + pointer;
            }
            return "#" + URLEncoder.encode(pointer, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
        }

        private record Leaf(JsonNode schema, Expectation expectation) {
        }

        private Leaf leaf(int depth) {
            return switch (random.nextInt(14)) {
                case 0 -> plainString();
                case 1 -> integer();
                case 2, 3 -> enumeration(false);
                case 4 -> enumeration(true);
                case 5, 6 -> pattern();
                case 7 -> hostilePattern();
                case 8 -> scalar();
                case 9 -> nested(10);
                case 10 -> union();
                case 11 -> combinator(depth);
                case 12 -> typeArray();
                default -> refusable ? broken() : scalar();
            };
        }

        private Leaf plainString() {
            String[][] formats = {{"", "it's"}, {"date-time", "2025-01-01T10:00:00+02:00"}, {"date", "2025-01-31"},
                {"time", "10:00:00"}, {"uuid", "123e4567-e89b-12d3-a456-426614174000"}, {"email", "a@b.c"},
                {"uri", "https://x.y/'"}};
            String[] format = formats[random.nextInt(formats.length)];
            ObjectNode schema = NODES.objectNode().put("type", "string");
            if (!format[0].isEmpty()) {
                schema.put("format", format[0]);
            }
            describe(schema);
            return new Leaf(schema, Expectation.of(List.of(NODES.textNode(format[1])), false));
        }

        private void describe(ObjectNode schema) {
            if (random.nextInt(4) == 0) {
                schema.put("description", pick(HOSTILE_TEXT) + " */ -- $$");
            }
        }

        private Leaf scalar() {
            return switch (random.nextInt(3)) {
                case 0 -> new Leaf(NODES.objectNode().put("type", "number"), Expectation.of(List.of(
                        NODES.numberNode(new BigDecimal("2.5")), NODES.numberNode(0),
                        NODES.numberNode(new BigDecimal("123456789012345678901234567890.5"))), false));
                case 1 -> new Leaf(NODES.objectNode().put("type", "boolean"),
                        Expectation.of(List.of(NODES.booleanNode(true), NODES.booleanNode(false)), false));
                default -> new Leaf(NODES.objectNode().put("type", "integer"),
                        Expectation.of(List.of(NODES.numberNode(0), NODES.numberNode(-17)), false));
            };
        }

        /** Integer bounds around 2^31 and 2^63, inclusive, exclusive or decimal, with or without int64. */
        private Leaf integer() {
            List<BigDecimal> bounds = new ArrayList<>();
            for (BigInteger edge : List.of(TWO_31, TWO_63)) {
                for (int delta = -1; delta <= 1; delta++) {
                    bounds.add(new BigDecimal(edge.add(BigInteger.valueOf(delta))));
                    bounds.add(new BigDecimal(edge.add(BigInteger.valueOf(delta)).negate()));
                }
            }
            bounds.addAll(List.of(BigDecimal.ZERO, new BigDecimal("4294967295"), new BigDecimal("0.5"),
                    new BigDecimal("-2147483648.5"), new BigDecimal("1E+20")));
            ObjectNode schema = NODES.objectNode().put("type", "integer");
            boolean int64 = random.nextInt(3) == 0;
            if (int64) {
                schema.put("format", "int64");
            }
            BigInteger lowest = random.nextBoolean() ? bound(schema, pick(bounds), true) : null;
            BigInteger highest = random.nextBoolean() ? bound(schema, pick(bounds), false) : null;
            if (int64) {
                // format int64 promises a signed 64-bit value
                lowest = lowest == null ? TWO_63.negate() : lowest;
                highest = highest == null ? TWO_63.subtract(BigInteger.ONE) : highest;
            }
            List<JsonNode> valid = new ArrayList<>();
            if (lowest == null && highest == null) {
                valid.add(NODES.numberNode(0));
            } else if (lowest == null || highest == null || lowest.compareTo(highest) <= 0) {
                if (lowest != null) {
                    valid.add(NODES.numberNode(lowest));
                }
                if (highest != null) {
                    valid.add(NODES.numberNode(highest));
                }
            }
            return new Leaf(schema, Expectation.of(valid, false));
        }

        /** Writes a bound, inclusive or exclusive, and returns the outermost integer it admits. */
        private BigInteger bound(ObjectNode schema, BigDecimal bound, boolean lower) {
            boolean exclusive = random.nextInt(3) == 0;
            schema.put((exclusive ? "exclusive" : "") + (lower ? (exclusive ? "Minimum" : "minimum")
                    : (exclusive ? "Maximum" : "maximum")), bound);
            // Inwards: up from a lower bound, down from an upper one; an exclusive bound steps past itself.
            BigInteger inward = bound.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigInteger();
            BigInteger outward = bound.setScale(0, lower ? RoundingMode.FLOOR : RoundingMode.CEILING).toBigInteger();
            return !exclusive ? inward : lower ? outward.add(BigInteger.ONE) : outward.subtract(BigInteger.ONE);
        }

        /** An enum (or a const): hostile strings, numbers, booleans, null, thousands of values. */
        private Leaf enumeration(boolean isConst) {
            List<JsonNode> members = new ArrayList<>();
            int count = isConst ? 1 : random.nextInt(20) == 0 ? 2000 + random.nextInt(2000) : 1 + random.nextInt(6);
            int style = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                members.add(member(style, i, count));
            }
            String declared = switch (random.nextInt(6)) {
                case 0 -> null;
                case 1 -> "nullable";
                default -> kindOf(members.get(0));
            };
            ObjectNode schema = NODES.objectNode();
            if ("nullable".equals(declared)) {
                schema.set("type", NODES.arrayNode().add(kindOf(members.get(0))).add("null"));
            } else if (declared != null) {
                schema.put("type", declared);
            }
            if (isConst) {
                schema.set("const", members.get(0));
            } else {
                schema.set("enum", NODES.arrayNode().addAll(members));
            }
            describe(schema);
            Set<String> types = new LinkedHashSet<>();
            schema.path("type").forEach(t -> types.add(t.asText()));
            if (schema.path("type").isTextual()) {
                types.add(schema.get("type").asText());
            }
            List<JsonNode> valid = new ArrayList<>();
            boolean hasNull = false;
            boolean structured = false;
            boolean nul = false;
            for (JsonNode member : members) {
                if (member.isNull()) {
                    hasNull = true;
                } else if (types.isEmpty() || types.contains(kindOf(member))
                        || (types.contains("number") && kindOf(member).equals("integer"))) {
                    valid.add(member);
                }
                structured |= member.isContainerNode();
                nul |= member.isTextual() && member.asText().indexOf('\0') >= 0;
            }
            boolean admitsNull = hasNull && (types.isEmpty() || types.contains("null"));
            if (nul) {
                return new Leaf(schema, Expectation.brokenSchema());
            }
            if (structured) {
                return new Leaf(schema, new Expectation(valid, List.of(), admitsNull, false, null, false));
            }
            boolean checked = members.stream().anyMatch(m -> !m.isNull());
            return new Leaf(schema, new Expectation(valid, checked ? outside(members) : List.of(), admitsNull,
                    checked, null, false));
        }

        private JsonNode member(int style, int i, int count) {
            if (count > 100) {
                return NODES.textNode(pick(HOSTILE_TEXT) + i);
            }
            int kind = switch (style) {
                case 0 -> 0; // strings only
                case 1 -> 1; // integers only
                case 2 -> random.nextInt(2) == 0 ? 1 : 2; // numbers
                case 3 -> 3; // booleans
                default -> random.nextInt(6); // mixed, with null and the odd structured value
            };
            return switch (kind) {
                case 0 -> refusable && random.nextInt(50) == 0 ? NODES.textNode("a\u0000b") : NODES.textNode(pick(HOSTILE_TEXT));
                case 1 -> NODES.numberNode(pick(List.of(BigInteger.ZERO, BigInteger.valueOf(-1), BigInteger.valueOf(42),
                        TWO_31, TWO_31.negate().subtract(BigInteger.ONE), TWO_63, TWO_63.negate())));
                case 2 -> NODES.numberNode(pick(List.of(new BigDecimal("1.5"), new BigDecimal("-0.25"),
                        new BigDecimal("1.0"), new BigDecimal("1E+2"))));
                case 3 -> NODES.booleanNode(random.nextBoolean());
                case 4 -> NODES.nullNode();
                default -> random.nextInt(4) == 0 ? NODES.objectNode().put("k", "v'") : NODES.textNode(pick(HOSTILE_TEXT));
            };
        }

        /** Values of the members' kinds that are not members, as their SQL text would not be either. */
        private static List<JsonNode> outside(List<JsonNode> members) {
            Set<String> texts = new LinkedHashSet<>();
            Set<String> kinds = new LinkedHashSet<>();
            for (JsonNode member : members) {
                if (!member.isNull()) {
                    texts.add(HostileContract.sqlText(member));
                    kinds.add(kindOf(member));
                }
            }
            List<JsonNode> outside = new ArrayList<>();
            if (kinds.contains("string")) {
                outside.add(NODES.textNode("zzz' not a member"));
            }
            if (kinds.contains("integer")) {
                int value = 7;
                while (texts.contains(Integer.toString(value))) {
                    value++;
                }
                outside.add(NODES.numberNode(value));
            }
            if (kinds.contains("number")) {
                outside.add(NODES.numberNode(new BigDecimal("0.125")));
            }
            if (kinds.contains("boolean")) {
                for (boolean b : new boolean[] {true, false}) {
                    if (!texts.contains(Boolean.toString(b))) {
                        outside.add(NODES.booleanNode(b));
                    }
                }
            }
            return outside;
        }

        private Leaf pattern() {
            RandomPattern pattern = RandomPattern.next(random);
            ObjectNode schema = NODES.objectNode().put("type", "string").put("pattern", pattern.ecma());
            // PostgreSQL cannot use a pattern it would expand beyond about 10,000 copies: a note, not a CHECK.
            boolean checkable = pattern.expansion() <= 10_000;
            return new Leaf(schema, new Expectation(List.of(), List.of(), false, checkable, pattern, false));
        }

        /** PITFALLS 6 patterns and other hostile ones: refused with a note, or translated and applied. */
        private Leaf hostilePattern() {
            String pattern = pick(List.of("[a-zA-Z0-9-_]", "(?<year>\\d{4})", "^.{1,256}$", "\\p{L}+", "(?<a>x)\\k<a>",
                    "[^]", "\\bword\\b", "\\Bx", "^\\w+$", "(?=a)b", "(?<=a)b", "a{2,1}", "(", ")", "\\", "[z-a]",
                    "a\u0000", "😀", "\\cA", "a**", "{", "}", "'; DROP TABLE x; --", "$$", "\\u{1F600}", "[\\b]",
                    "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "(a)\\1", "\\0", "\\x4", "[]",
                    "TODO: x", "a{0,255}{2}", "(?:)", "()*", "(^)*", "$^", "a|", "|"));
            ObjectNode schema = NODES.objectNode().put("type", "string").put("pattern", pattern);
            if (random.nextInt(4) == 0) {
                schema.put("format", pick(List.of("date-time", "uuid", "time")));
            }
            return new Leaf(schema, Expectation.of(List.of(), false));
        }

        private Leaf nested(int depth) {
            JsonNode schema = NODES.objectNode().put("type", "string");
            JsonNode sample = NODES.textNode("leaf");
            for (int i = 0; i < depth; i++) {
                if (random.nextBoolean()) {
                    ObjectNode object = NODES.objectNode().put("type", "object");
                    object.putObject("properties").set("level" + i, schema);
                    schema = object;
                    sample = NODES.objectNode().set("level" + i, sample);
                } else {
                    schema = NODES.objectNode().put("type", "array").set("items", schema);
                    sample = NODES.arrayNode().add(sample);
                }
            }
            return new Leaf(schema, Expectation.of(List.of(sample), false));
        }

        /** oneOf/anyOf, sometimes with a null member: the way Optional fields are written by many tools. */
        private Leaf union() {
            boolean withNull = random.nextBoolean();
            ArrayNode members = NODES.arrayNode().add(NODES.objectNode().put("type", "string"));
            if (withNull) {
                members.add(NODES.objectNode().put("type", "null"));
            } else {
                members.add(NODES.objectNode().put("type", "integer"));
            }
            ObjectNode schema = NODES.objectNode().set(random.nextBoolean() ? "oneOf" : "anyOf", members);
            return new Leaf(schema, Expectation.of(List.of(NODES.textNode("x")), withNull));
        }

        private Leaf combinator(int depth) {
            if (depth > 2) {
                return plainString();
            }
            Leaf first = leaf(depth + 1);
            Leaf second = leaf(depth + 1);
            ObjectNode schema = NODES.objectNode().set("allOf", NODES.arrayNode().add(first.schema()).add(second.schema()));
            // Not merged, so an invalid member need not be found: the outcome is open either way.
            return new Leaf(schema, Expectation.of(List.of(), false).nullUnknown());
        }

        private Leaf typeArray() {
            return switch (random.nextInt(5)) {
                case 0 -> new Leaf(types("string", "null"), Expectation.of(List.of(NODES.textNode("'")), true));
                case 1 -> new Leaf(types("integer", "number"),
                        Expectation.of(List.of(NODES.numberNode(new BigDecimal("2.5")), NODES.numberNode(3)), false));
                case 2 -> new Leaf(types("string", "object"), Expectation.of(List.of(NODES.objectNode()), false));
                case 3 -> new Leaf(types("null"), Expectation.of(List.of(), true));
                default -> new Leaf(types("boolean", "null", "integer"), Expectation.of(List.of(NODES.booleanNode(true)), true));
            };
        }

        private static ObjectNode types(String... names) {
            ArrayNode list = NODES.arrayNode();
            for (String name : names) {
                list.add(name);
            }
            return NODES.objectNode().set("type", list);
        }

        private Leaf broken() {
            JsonNode schema = switch (random.nextInt(8)) {
                case 0 -> NODES.objectNode().put("type", "str");
                case 1 -> NODES.objectNode().put("type", 5);
                case 2 -> NODES.objectNode().put("enum", "x");
                case 3 -> NODES.objectNode().set("enum", NODES.arrayNode());
                case 4 -> NODES.objectNode().put("type", "string").put("pattern", 5);
                case 5 -> NODES.objectNode().put("type", "integer").put("minimum", "zero");
                case 6 -> NODES.booleanNode(false);
                default -> NODES.numberNode(5);
            };
            return new Leaf(schema, Expectation.brokenSchema());
        }

        private List<String> pickSome(List<String> group) {
            List<String> some = new ArrayList<>(group);
            while (some.size() > 2 && random.nextBoolean()) {
                some.remove(random.nextInt(some.size()));
            }
            return some;
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }
    }

    /** The JSON kind of a scalar as a JSON Schema type name ({@code integer} for whole numbers). */
    static String kindOf(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
        }
        return value.isNull() ? "null" : value.isArray() ? "array" : "object";
    }

    /** How a JSON scalar is written as SQL text: strings raw, numbers in plain notation without trailing zeros. */
    static String sqlText(JsonNode value) {
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }
}
