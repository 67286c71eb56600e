package dev.atdd.core.verify;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atdd.core.JsonText;
import dev.atdd.core.contract.IndexSpec.IndexMethod;
import dev.atdd.core.database.SchemaSnapshot;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.plan.RelationalMapping;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.SqlLiteral;
import dev.atdd.core.render.TableIndex;
import dev.atdd.core.types.Check;
import dev.atdd.core.types.Column;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import dev.atdd.core.types.ScalarItems;
import dev.atdd.core.types.TypeMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the tables the contracts ask for with the schema the migrations built, as PostgreSQL's
 * catalog describes it. Extra columns and tables are not drift: people add what contracts do not say.
 */
public final class SchemaDrift {

    /**
     * Catalog types ({@code format_type}) a column of the mapped type may have without drift: the
     * type itself, or one that holds every value of it. An enum type and an array may too: see {@link Holder}.
     */
    private static final Map<PgType, Set<String>> ACCEPTED = Map.ofEntries(
            Map.entry(PgType.TEXT, Set.of("text", "character varying", "citext")),
            Map.entry(PgType.UUID, Set.of("uuid")),
            Map.entry(PgType.TIMESTAMPTZ, Set.of("timestamp with time zone")),
            Map.entry(PgType.DATE, Set.of("date")),
            Map.entry(PgType.TIME, Set.of("time without time zone", "time with time zone")),
            Map.entry(PgType.SMALLINT, Set.of("smallint", "integer", "bigint", "numeric")),
            Map.entry(PgType.INTEGER, Set.of("integer", "bigint", "numeric")),
            Map.entry(PgType.BIGINT, Set.of("bigint", "numeric")),
            Map.entry(PgType.NUMERIC, Set.of("numeric")),
            Map.entry(PgType.BOOLEAN, Set.of("boolean")),
            Map.entry(PgType.JSONB, Set.of("jsonb")));

    /** PostgreSQL's long type names ({@code format_type}) and their short ones, a precision kept between. */
    private static final Map<Pattern, String> SHORT_NAMES = Map.of(
            Pattern.compile("^TIMESTAMP(\\(\\d+\\))? WITH TIME ZONE"), "TIMESTAMPTZ$1",
            Pattern.compile("^TIMESTAMP(\\(\\d+\\))? WITHOUT TIME ZONE"), "TIMESTAMP$1",
            Pattern.compile("^TIME(\\(\\d+\\))? WITH TIME ZONE"), "TIMETZ$1",
            Pattern.compile("^TIME(\\(\\d+\\))? WITHOUT TIME ZONE"), "TIME$1",
            Pattern.compile("^CHARACTER VARYING"), "VARCHAR");

    /** A catalog type with a length limit in characters: {@code character varying(20)}. */
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");

    /** The keywords that give an untyped property its values, as a drift line names them. */
    private static final List<String> UNTYPED = List.of("oneOf", "anyOf", "allOf", "enum", "const");

    /** The column the jsonb template keeps a contract's document in. */
    private static final String DOCUMENT = "data";

    /** A key that is one double-quoted identifier: {@code "timestamp"}, {@code "say ""hi"""}. */
    private static final Pattern QUOTED_IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"");

    private SchemaDrift() {
    }

    /**
     * @param relational     the plan's relational contracts, every one mapped (no problems)
     * @param indexes        the indexes the contracts ask for, every one planned (no problems)
     * @param existingTables tables made outside the migrations (by Supabase, another module): absent, they
     *                       are not drift; built by the migrations after all, they are compared as any other
     */
    public static List<Drift> compare(TablePlan plan, RelationalMapping relational, ContractIndexes indexes,
                                      SchemaSnapshot schema, Set<String> existingTables) {
        List<Drift> drift = new ArrayList<>();
        for (PlannedTable planned : plan.tables()) {
            Optional<Path> contract = planned instanceof PlannedTable.ForContract forContract
                    ? Optional.of(forContract.contract().file()) : Optional.empty();
            Optional<SchemaSnapshot.Table> table = schema.table(planned.table());
            if (table.isEmpty()) {
                // The scratch database holds only what the migrations build, not the tables made elsewhere.
                if (!existingTables.contains(planned.table())) {
                    drift.add(new Drift(planned.table(), Optional.empty(), Optional.empty(),
                            "no such table after the migrations ran (" + planned.source() + " asks for it)", contract));
                }
                continue;
            }
            // A jsonb (or defaulted) contract's columns are not compared: hand-written shapes are the team's choice.
            // Its indexes are where the table keeps the document as the template does: their keys are data->>'k',
            // which a table of the team's own columns can never have.
            if (planned instanceof PlannedTable.ForContract forContract) {
                if (planned.relational()) {
                    compareColumns(forContract, relational.table(forContract.table()), table.get(), drift);
                }
                if (planned.relational() || holdsDocument(table.get())) {
                    compareIndexes(forContract, indexes.forTable(forContract.table()), table.get(), drift);
                }
            }
        }
        return drift;
    }

    /** Tables of the schema that API clients could read without any policy: row level security is off. */
    public static List<String> withoutRowLevelSecurity(SchemaSnapshot schema) {
        return schema.tables().stream().filter(t -> !t.rowLevelSecurity()).map(SchemaSnapshot.Table::name).toList();
    }

    /** Whether the table keeps the document as the jsonb template does: a {@code data} column of type jsonb. */
    private static boolean holdsDocument(SchemaSnapshot.Table table) {
        return table.column(DOCUMENT).filter(column -> accepts(PgType.JSONB, column.storedType())).isPresent();
    }

    /**
     * Each index the contract asks for that the table lacks. The table has it as an index of the same method
     * on the same keys over every row (no WHERE), under its planned name or under the team's own: the name
     * alone does not make an index on other keys serve the contract's queries. An index of the planned name
     * that differs is drift naming what it is.
     */
    private static void compareIndexes(PlannedTable.ForContract planned, List<TableIndex> expected,
                                       SchemaSnapshot.Table table, List<Drift> drift) {
        boolean jsonb = !planned.relational();
        for (TableIndex index : expected) {
            String method = index.method().name().toLowerCase(Locale.ROOT);
            List<String> keys = index.fields().stream().map(field -> jsonb ? dataKey(index.method(), field) : field)
                    .toList();
            boolean has = table.indexes().stream().anyMatch(existing -> existing.method().equals(method)
                    && existing.predicate().isEmpty()
                    && existing.keys().stream().map(key -> jsonb ? key : unquoted(key)).toList().equals(keys));
            if (has) {
                continue;
            }
            String wanted = "contract asks for index " + index.name() + " (" + method.toUpperCase(Locale.ROOT)
                    + " on " + String.join(", ", jsonb ? keys : keys.stream().map(PgIdentifier::render).toList())
                    + "), table has ";
            String found = table.indexes().stream().filter(existing -> existing.name().equals(index.name()))
                    .findFirst().map(existing -> existing.name() + " as " + existing.method().toUpperCase(Locale.ROOT)
                            + " on " + String.join(", ", existing.keys())
                            + existing.predicate().map(where -> " where " + where).orElse(""))
                    .orElse("no such index");
            drift.add(new Drift(table.name(), Optional.empty(), Optional.of(index.name()), wanted + found,
                    Optional.of(planned.contract().file())));
        }
    }

    /**
     * The key the jsonb template writes for a field, as {@code pg_get_indexdef} prints it: {@code (data->>'k')}
     * as {@code (data ->> 'k'::text)}, the literal's quotes doubled, adjacent literals joined; GIN's {@code ->}.
     */
    private static String dataKey(IndexMethod method, String field) {
        return "(" + DOCUMENT + " " + (method == IndexMethod.GIN ? "->" : "->>") + " " + SqlLiteral.quote(field)
                + "::text)";
    }

    /**
     * The column a key names: {@code pg_get_indexdef} prints it bare, or double-quoted where the name is not
     * plain or is a keyword of any kind ({@code "timestamp"}, {@code "time"}), {@code "} doubled. An expression
     * is left as it is.
     */
    private static String unquoted(String key) {
        return QUOTED_IDENTIFIER.matcher(key).matches() ? key.substring(1, key.length() - 1).replace("\"\"", "\"")
                : key;
    }

    private static void compareColumns(PlannedTable.ForContract planned, RelationalTable expected,
                                       SchemaSnapshot.Table table, List<Drift> drift) {
        Optional<Path> contract = Optional.of(planned.contract().file());
        boolean columnMissing = expected.columns().stream().anyMatch(column -> table.column(column.name()).isEmpty());
        if (holdsDocument(table) && columnMissing) {
            // Made for a jsonb contract: the column lines below would not say why they are all missing.
            drift.add(new Drift(table.name(), Optional.empty(), Optional.empty(), "the table keeps the document in "
                    + DOCUMENT + " JSONB, as the jsonb shape does, where the relational contract asks for columns: if"
                    + " its strategy was changed, alter the table in a new migration, or set persistence.strategy"
                    + " back to jsonb", contract));
        }
        // The key the template writes is UUID; where the contract's id is of another type, the table's TODO asks
        // to review that, so a key of the contract's type is the key too.
        String keyPointer = TypeMapping.pointerOf(RelationalTable.KEY);
        Optional<PgType> contractKey = expected.contractKeyType();
        Column key = new Column(RelationalTable.KEY, keyPointer, PgType.UUID, PgType.UUID, true, List.of(), List.of(),
                Optional.empty(), contractKey, expected.contractKeyLongestText());
        compareColumn(table, key, contractKey.isPresent() ? jsonType(planned.contract().schema(), keyPointer) : "the key",
                contract, drift);
        for (Column column : expected.columns()) {
            compareColumn(table, column, jsonType(planned.contract().schema(), column.pointer()), contract, drift);
        }
    }

    private static void compareColumn(SchemaSnapshot.Table table, Column expected, String says,
                                      Optional<Path> contract, List<Drift> drift) {
        String name = expected.name();
        String wanted = expected.type().name() + expected.alternative().map(type -> " or " + type.name()).orElse("")
                + expected.items().map(i -> " or " + i.type().name() + "[]").orElse("")
                + (expected.notNull() ? " NOT NULL" : " NULL");
        Optional<SchemaSnapshot.Column> found = table.column(name);
        if (found.isEmpty()) {
            // The column's CHECKs too, so that one ALTER TABLE … ADD COLUMN mends it (not a second round).
            String checks = expected.checks().stream().map(check -> " and " + describe(check)).collect(joining());
            drift.add(new Drift(table.name(), Optional.of(name), Optional.empty(), "contract says " + says
                    + " (" + wanted + ")" + checks + ", table has no such column", contract));
            return;
        }
        SchemaSnapshot.Column column = found.get();
        String has = shown(column.type());
        Holder holder = Holder.of(expected, column);
        // NULL allowed by the contract but refused by the table is drift too: valid documents would fail. So is
        // a VARCHAR(n) shorter than values the contract allows.
        boolean tooShort = holder.typeMatches() && holder.refusesLongerValues();
        if (!holder.typeMatches() || column.notNull() != expected.notNull() || tooShort) {
            String enumType = holder.typeMatches() || holder.enumLabels().isEmpty() ? ""
                    : holder.type() == PgType.TEXT ? ", an enum type, where the contract lists no values (enum or const)"
                    : ", an enum type";
            drift.add(new Drift(table.name(), Optional.of(name), Optional.empty(), "contract says " + says
                    + " (" + wanted + ")" + (tooShort ? holder.lengths() : "") + ", table has " + has
                    + (column.notNull() ? " NOT NULL" : " NULL") + enumType
                    + (tooShort ? ", which refuses longer values" : ""), contract));
        }
        if (holder.enumStandsForChecks()) {
            // An enum type refuses every value that is not one of its labels: it is the CHECK.
            for (Check check : holder.checks()) {
                List<String> missing = ((Check.AllowedValues) check).values().stream()
                        .filter(value -> !holder.enumLabels().get().contains(value)).toList();
                if (!missing.isEmpty()) {
                    drift.add(new Drift(table.name(), Optional.of(name), Optional.empty(), "contract says "
                            + describe(check) + ", table has " + has + ", an enum type without " + missing, contract));
                }
            }
        } else if (!holder.elements()) {
            // An array's elements are not held to the items' checks: the JSONB the template writes is not either.
            List<SchemaSnapshot.Check> checks = table.checks().stream()
                    .filter(c -> c.columns().equals(List.of(name))).toList();
            for (Check check : expected.checks()) {
                if (checks.stream().noneMatch(existing -> enforces(existing, expected.type(), check))) {
                    drift.add(new Drift(table.name(), Optional.of(name), Optional.empty(), "contract says "
                            + describe(check) + ", table has " + closest(checks, expected.type(), check), contract));
                }
            }
        }
    }

    /**
     * What holds the contract's values: the column itself, or its elements where an array column stands
     * for a JSON array of one scalar type.
     *
     * @param type        the mapped type of the values: the column's, or its items'
     * @param checks      the contract's checks on them
     * @param catalogType the catalog's type the column stores (a domain's base type), or its elements' ({@code text}
     *                    for {@code text[]})
     * @param enumLabels  the labels of that type, when it is an enum type
     * @param elements    whether these are an array's elements
     * @param longestText for TEXT, the most characters one of the values may have; empty for no bound
     */
    private record Holder(PgType type, List<Check> checks, String catalogType, Optional<List<String>> enumLabels,
                          boolean elements, OptionalInt longestText) {

        static Holder of(Column expected, SchemaSnapshot.Column column) {
            String stored = column.storedType();
            boolean array = stored.endsWith("[]");
            if (array && expected.items().isPresent()) {
                ScalarItems items = expected.items().get();
                return new Holder(items.type(), items.checks(),
                        stored.substring(0, stored.length() - "[]".length()), column.enumLabels(), true,
                        items.longestText());
            }
            // An array for a scalar keeps its [], so no scalar's type accepts it, nor do its elements' labels.
            // The narrowest type: a SMALLINT column holds an integer the contract bounds within 16 bits. The
            // alternative a review may choose holds the values as well, when the column has it.
            PgType type = expected.alternative().filter(other -> accepts(other, stored)).orElse(expected.narrowest());
            return new Holder(type, expected.checks(), stored, array ? Optional.empty() : column.enumLabels(), false,
                    expected.longestText());
        }

        /** Whether the catalog's type holds every value of the mapped type that the checks let through. */
        boolean typeMatches() {
            return enumLabels.isPresent() ? enumStandsForChecks() : accepts(type, catalogType);
        }

        /**
         * Whether the catalog's type is a VARCHAR(n) that refuses some of the values: n is below the longest the
         * contract allows, or the contract allows any length. PostgreSQL counts n in characters, as maxLength does.
         */
        boolean refusesLongerValues() {
            Matcher varchar = VARCHAR.matcher(catalogType);
            return type == PgType.TEXT && varchar.matches()
                    && (longestText.isEmpty() || Long.parseLong(varchar.group(1)) < longestText.getAsInt());
        }

        /** How long the contract allows the values to be, as a drift line says it beside the mapped type. */
        String lengths() {
            String length = longestText.isEmpty() ? "of any length" : "up to " + longestText.getAsInt()
                    + (longestText.getAsInt() == 1 ? " character long" : " characters long");
            return elements ? " with items " + length : " " + length;
        }

        /**
         * Whether an enum type stands for TEXT whose values the contract lists ({@code enum}, {@code const}):
         * its labels are then compared with them. The catalog knows it as an enum, whatever its name or schema.
         */
        boolean enumStandsForChecks() {
            return enumLabels.isPresent() && type == PgType.TEXT && !checks.isEmpty()
                    && checks.stream().allMatch(Check.AllowedValues.class::isInstance);
        }
    }

    /** Whether a column of the catalog's type holds every value of the mapped type (see {@link #ACCEPTED}). */
    private static boolean accepts(PgType type, String catalogType) {
        return ACCEPTED.get(type).contains(baseType(catalogType));
    }

    /**
     * {@code character varying(255)} → {@code character varying}, {@code numeric(10,2)} → {@code numeric}; an
     * array keeps its {@code []}, so no scalar's type accepts it.
     */
    private static String baseType(String formatted) {
        int parenthesis = formatted.indexOf('(');
        String base = parenthesis < 0 ? formatted : formatted.substring(0, parenthesis)
                + formatted.substring(formatted.indexOf(')', parenthesis) + 1);
        return base.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a catalog CHECK carries every value (or the regex) of the contract's check, compared by
     * value as a constant of the column's type: PostgreSQL prints {@code b = 'true'} as {@code b = true}
     * and {@code n IN ('100', '0.1')} as {@code n = ANY (ARRAY['100'::numeric, 0.1])}. A CHECK that
     * negates (say {@code s NOT IN ('a', 'b')}) is not read as carrying the values it names.
     */
    private static boolean enforces(SchemaSnapshot.Check existing, PgType type, Check check) {
        CheckConstants constants = CheckConstants.of(existing.definition());
        if (check instanceof Check.AllowedValues allowed) {
            return allowed.values().stream().allMatch(value -> constants.holds(type, value));
        }
        return constants.matches(((Check.PatternMatch) check).regex());
    }

    /**
     * What the table has in place of a check it does not enforce: the column's CHECK that lets through
     * the most of the contract's values, and those it lacks (a CHECK one value short is not "no such
     * CHECK"); for a pattern, the column's CHECK matching another; or no such CHECK.
     */
    private static String closest(List<SchemaSnapshot.Check> checks, PgType type, Check check) {
        String closest = "no such CHECK";
        if (check instanceof Check.PatternMatch) {
            for (SchemaSnapshot.Check existing : checks) {
                Set<String> regexes = CheckConstants.of(existing.definition()).regexes();
                if (!regexes.isEmpty()) {
                    return "CHECK " + existing.name() + " matching " + String.join(" and ", new TreeSet<>(regexes));
                }
            }
        }
        if (check instanceof Check.AllowedValues allowed) {
            int fewestLacking = allowed.values().size();
            for (SchemaSnapshot.Check existing : checks) {
                CheckConstants constants = CheckConstants.of(existing.definition());
                List<String> lacking = allowed.values().stream().filter(value -> !constants.holds(type, value)).toList();
                if (lacking.size() < fewestLacking) {
                    fewestLacking = lacking.size();
                    closest = "CHECK " + existing.name() + " without " + lacking;
                }
            }
        }
        return closest;
    }

    private static String describe(Check check) {
        if (check instanceof Check.AllowedValues allowed) {
            return allowed.single() ? "const " + allowed.values().get(0) : "enum " + allowed.values();
        }
        return "pattern " + ((Check.PatternMatch) check).original();
    }

    private static String jsonType(JsonNode schema, String pointer) {
        JsonNode property = schema.at(pointer);
        JsonNode type = property.path("type");
        JsonNode ref = property.path("$ref");
        if (type.isTextual() || type.isArray()) {
            return type.isTextual() ? type.asText() : JsonText.compact(type);
        }
        if (ref.isTextual()) {
            return "$ref " + ref.asText();
        }
        // Without a type, what the property is made of: a union of schemas, or values listed.
        return UNTYPED.stream().filter(property::has).findFirst().orElse("its property");
    }

    /**
     * The catalog's type in capitals, with PostgreSQL's short name for a long one, as the contract's side names it:
     * {@code timestamp(3) with time zone} → {@code TIMESTAMPTZ(3)}, so that a line differing in NULL alone does not
     * read as differing in type too.
     */
    private static String shown(String catalogType) {
        String type = catalogType.toUpperCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> shortName : SHORT_NAMES.entrySet()) {
            type = shortName.getKey().matcher(type).replaceFirst(shortName.getValue());
        }
        return type;
    }
}
