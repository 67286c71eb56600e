package dev.atdd.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atdd.core.database.SchemaSnapshot;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.plan.RelationalMapping;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.types.Check;
import dev.atdd.core.types.Column;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the tables the contracts ask for with the schema the migrations built, as PostgreSQL's
 * catalog describes it. Extra columns and tables are not drift: people add what contracts do not say.
 */
public final class SchemaDrift {

    /**
     * Catalog types ({@code format_type}) a column of the mapped type may have without drift: the
     * type itself, or one that holds every value of it.
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

    private SchemaDrift() {
    }

    /**
     * @param relational     the plan's relational contracts, every one mapped (no problems)
     * @param existingTables tables made outside the migrations (by Supabase, another module): absent, they
     *                       are not drift; built by the migrations after all, they are compared as any other
     */
    public static List<Drift> compare(TablePlan plan, RelationalMapping relational, SchemaSnapshot schema,
                                      Set<String> existingTables) {
        List<Drift> drift = new ArrayList<>();
        for (PlannedTable planned : plan.tables()) {
            Optional<Path> contract = planned instanceof PlannedTable.ForContract forContract
                    ? Optional.of(forContract.contract().file()) : Optional.empty();
            Optional<SchemaSnapshot.Table> table = schema.table(planned.table());
            if (table.isEmpty()) {
                // The scratch database holds only what the migrations build, not the tables made elsewhere.
                if (!existingTables.contains(planned.table())) {
                    drift.add(new Drift(planned.table(), Optional.empty(),
                            "no such table after the migrations ran (" + planned.source() + " asks for it)", contract));
                }
                continue;
            }
            // A jsonb (or defaulted) contract only needs its table: hand-written shapes are the team's choice.
            if (planned.relational() && planned instanceof PlannedTable.ForContract forContract) {
                compareColumns(forContract, relational.table(forContract.table()), table.get(), drift);
            }
        }
        return drift;
    }

    /** Tables of the schema that API clients could read without any policy: row level security is off. */
    public static List<String> withoutRowLevelSecurity(SchemaSnapshot schema) {
        return schema.tables().stream().filter(t -> !t.rowLevelSecurity()).map(SchemaSnapshot.Table::name).toList();
    }

    private static void compareColumns(PlannedTable.ForContract planned, RelationalTable expected,
                                       SchemaSnapshot.Table table, List<Drift> drift) {
        Optional<Path> contract = Optional.of(planned.contract().file());
        expectColumn(table, "id", PgType.UUID, true, "the key", contract, drift);
        for (Column column : expected.columns()) {
            String says = jsonType(planned.contract().schema(), column.pointer());
            if (!expectColumn(table, column.name(), column.type(), column.notNull(), says, contract, drift)) {
                continue;
            }
            List<SchemaSnapshot.Check> checks = table.checks().stream()
                    .filter(c -> c.columns().equals(List.of(column.name()))).toList();
            for (Check check : column.checks()) {
                if (checks.stream().noneMatch(existing -> enforces(existing, column.type(), check))) {
                    drift.add(new Drift(table.name(), Optional.of(column.name()),
                            "contract says " + describe(check) + ", table has no such CHECK", contract));
                }
            }
        }
    }

    /** @return whether the column exists (so its checks can be compared) */
    private static boolean expectColumn(SchemaSnapshot.Table table, String name, PgType type, boolean notNull,
                                        String says, Optional<Path> contract, List<Drift> drift) {
        String wanted = type.name() + (notNull ? " NOT NULL" : " NULL");
        Optional<SchemaSnapshot.Column> actual = table.column(name);
        if (actual.isEmpty()) {
            drift.add(new Drift(table.name(), Optional.of(name), "contract says " + says + " (" + wanted
                    + "), table has no such column", contract));
            return false;
        }
        SchemaSnapshot.Column column = actual.get();
        boolean typeMatches = ACCEPTED.get(type).contains(baseType(column.type()));
        // NULL allowed by the contract but refused by the table is drift too: valid documents would fail.
        if (!typeMatches || column.notNull() != notNull) {
            drift.add(new Drift(table.name(), Optional.of(name), "contract says " + says + " (" + wanted
                    + "), table has " + column.type().toUpperCase(Locale.ROOT)
                    + (column.notNull() ? " NOT NULL" : " NULL"), contract));
        }
        return true;
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

    private static String describe(Check check) {
        if (check instanceof Check.AllowedValues allowed) {
            return allowed.single() ? "const " + allowed.values().get(0) : "enum " + allowed.values();
        }
        return "pattern " + ((Check.PatternMatch) check).original();
    }

    private static String jsonType(JsonNode schema, String pointer) {
        JsonNode type = schema.at(pointer).path("type");
        return type.isTextual() ? type.asText() : type.isArray() ? type.toString() : "its property";
    }
}
