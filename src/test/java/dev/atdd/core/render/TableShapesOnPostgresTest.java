package dev.atdd.core.render;

import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.infrastructure.InfrastructureTable.Kind;
import static dev.atdd.core.render.RenderFixtures.GENERATED_AT;
import static dev.atdd.core.render.RenderFixtures.column;
import static dev.atdd.core.render.RenderFixtures.contract;
import static dev.atdd.core.render.RenderFixtures.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.contract.IndexSpec.IndexMethod;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import dev.atdd.testing.Postgres15;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shape's SQL applied to a real PostgreSQL 15, and the catalog checked. */
@ExtendWith(Postgres15.class)
class TableShapesOnPostgresTest {

    private static final String TIMESTAMPTZ = "timestamp with time zone";
    private static final String AWKWARD_DESCRIPTION =
            "It's \"quoted\", a\\b, é.\nSecond line\n-- TODO: not a marker, ⚠️ TODO: neither";

    private final SqlTemplates templates = SqlTemplates.builtIn();

    @Test
    void jsonbTableHasItsColumnsIndexesAndContractComment(DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);
        JsonbTableModel model = JsonbTableModel.of(contract(AWKWARD_DESCRIPTION, List.of(
                index(null, IndexMethod.BTREE, "score", "rank"),
                index("by_tags", IndexMethod.GIN, "tags"),
                index("by_kind", IndexMethod.HASH, "kind's"))), "match_dilemma_current", GENERATED_AT, true);
        String sql = templates.render(TableShape.JSONB, model);

        catalog.apply(sql);

        assertEquals(List.of("id|uuid|NO", "data|jsonb|NO", "created_at|" + TIMESTAMPTZ + "|YES",
                "updated_at|" + TIMESTAMPTZ + "|YES"), catalog.columns("match_dilemma_current"));
        assertEquals(List.of(
                "CREATE INDEX by_kind ON public.match_dilemma_current USING hash (((data ->> 'kind''s'::text)))",
                "CREATE INDEX by_tags ON public.match_dilemma_current USING gin (((data -> 'tags'::text)))",
                "CREATE INDEX idx_match_dilemma_current_data ON public.match_dilemma_current USING gin (data)",
                "CREATE INDEX idx_match_dilemma_current_score_rank ON public.match_dilemma_current USING btree "
                        + "(((data ->> 'score'::text)), ((data ->> 'rank'::text)))",
                "CREATE UNIQUE INDEX match_dilemma_current_pkey ON public.match_dilemma_current USING btree (id)"),
                catalog.indexDefinitions("match_dilemma_current"));
        assertEquals("Current dilemma | " + AWKWARD_DESCRIPTION + " | Contract: match:dilemma:current | Version: 1.2.0",
                catalog.tableComment("match_dilemma_current"));
        assertTrue(catalog.accepts("INSERT INTO match_dilemma_current (data) VALUES (?::jsonb)", "{\"score\": 1}"));
        assertFalse(sql.toUpperCase(Locale.ROOT).contains("TODO"), sql);
    }

    @Test
    void relationalTableQuotesReservedWordsAndChecksValues(DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);
        RelationalTableModel model = RelationalTableModel.of(contract(null, List.of(
                index(null, IndexMethod.BTREE, "order", "user"), index("by_tags", IndexMethod.GIN, "tags"))),
                "order", RenderFixtures.awkwardTable(), GENERATED_AT, true);

        catalog.apply(templates.render(TableShape.RELATIONAL, model));

        assertEquals(List.of("id|uuid|NO", "user|text|NO", "order|integer|YES", "group|text|YES", "symbol|text|NO",
                "kind|text|YES", "code|text|YES", "starts|" + TIMESTAMPTZ + "|YES", "player_id|uuid|NO",
                "tags|jsonb|YES", "score|numeric|YES", "active|boolean|YES",
                "created_at|" + TIMESTAMPTZ + "|YES", "updated_at|" + TIMESTAMPTZ + "|YES"), catalog.columns("order"));
        assertEquals(List.of(
                "CREATE INDEX by_tags ON public.\"order\" USING gin (tags)",
                "CREATE INDEX idx_order_order_user ON public.\"order\" USING btree (\"order\", \"user\")",
                "CREATE UNIQUE INDEX order_pkey ON public.\"order\" USING btree (id)"), catalog.indexDefinitions("order"));
        assertEquals("Current dilemma | Contract: match:dilemma:current | Version: 1.2.0", catalog.tableComment("order"));

        String insert = "INSERT INTO \"order\" (\"user\", symbol, player_id, \"group\", kind, code) VALUES (?, ?, ?, ?, ?, ?)";
        UUID player = UUID.randomUUID();
        for (String symbol : List.of("'", "\"", "a\\b", "é")) {
            assertTrue(catalog.accepts(insert, "u", symbol, player, "Cap'n", "fixed", "AB"), symbol);
        }
        assertTrue(catalog.accepts(insert, "u", "'", player, null, null, null));
        assertFalse(catalog.accepts(insert, "u", "ab", player, "Cap'n", "fixed", "AB"));
        assertFalse(catalog.accepts(insert, "u", "'", player, "Capn", "fixed", "AB"));
        assertFalse(catalog.accepts(insert, "u", "'", player, "Cap'n", "floating", "AB"));
        assertFalse(catalog.accepts(insert, "u", "'", player, "Cap'n", "fixed", "ab"));
        assertFalse(catalog.accepts(insert, null, "'", player, "Cap'n", "fixed", "AB"));
    }

    @Test
    void relationalMigrationIsFramedByHeaderTodosAndFooter() {
        RelationalTableModel model = RelationalTableModel.of(contract(null, List.of()), "order",
                RenderFixtures.awkwardTable(), GENERATED_AT, true);

        List<String> lines = templates.render(TableShape.RELATIONAL, model).lines().toList();

        assertEquals(List.of("-- Generated from match/dilemma/current.schema.json",
                "-- Generation time: 2025-10-30T14:30:00Z", "-- ⚠️ REVIEW REQUIRED BEFORE APPLYING"), lines.subList(0, 3));
        assertEquals("-- End of migration", lines.get(lines.size() - 1));
        assertEquals(List.of(
                "-- ⚠️ TODO: tags: an array of objects; consider a child table",
                "-- ⚠️ TODO: Add foreign key constraints (one to a table that a later migration creates goes in a migration after that one)",
                "-- ⚠️ TODO: Add indexes for common queries",
                "-- ⚠️ TODO: Add RLS policies (row level security is on: until a policy exists, API clients see no rows)",
                "-- ⚠️ TODO: Add trigger for updated_at",
                "-- ⚠️ TODO: Review JSONB columns for normalization",
                "-- ⚠️ TODO: property 'legacy' uses oneOf: stored as JSONB"),
                lines.stream().map(String::strip).filter(l -> l.contains("TODO")).toList());
    }

    @Test
    void relationalTableWithoutJsonbHasNoNormalizationTodo() {
        RelationalTable plain = new RelationalTable(List.of(column("name", PgType.TEXT, true)), List.of(),
                Optional.empty(), OptionalInt.empty());

        String sql = templates.render(TableShape.RELATIONAL,
                RelationalTableModel.of(contract(null, List.of()), "plain", plain, GENERATED_AT, false));

        assertFalse(sql.contains("JSONB columns"), sql);
        assertTrue(sql.contains("-- ⚠️ TODO: Add RLS policies (row level security is off"), sql);
    }

    @Test
    void namesOf63BytesAreKeptWholeAndLongerIndexNamesFitted(DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);
        String table = "é" + "t".repeat(61);
        String jsonbTable = "j".repeat(63);
        String column = "c".repeat(63);
        assertEquals(63, table.getBytes(StandardCharsets.UTF_8).length);
        RelationalTable definition = new RelationalTable(List.of(column(column, PgType.TEXT, false)), List.of(),
                Optional.empty(), OptionalInt.empty());

        catalog.apply(templates.render(TableShape.RELATIONAL,
                RelationalTableModel.of(contract(null, List.of()), table, definition, GENERATED_AT, false)));
        catalog.apply(templates.render(TableShape.JSONB,
                JsonbTableModel.of(contract(null, List.of()), jsonbTable, GENERATED_AT, false)));

        assertEquals(List.of(jsonbTable, table),
                catalog.rows("SELECT relname FROM pg_class WHERE relname IN (?, ?) ORDER BY relname", table, jsonbTable));
        assertEquals(column, catalog.columns(table).get(1).split("\\|")[0]);
        String dataIndex = PgIdentifier.fit("idx_" + jsonbTable + "_data");
        assertEquals(63, dataIndex.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(List.of(dataIndex), catalog.rows("SELECT indexname FROM pg_indexes WHERE indexname = ?", dataIndex));
    }

    @Test
    void eventLogIsAppendOnlyAndIndexedByAggregate(DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);
        InfrastructureTableModel model = InfrastructureTableModel.of(new InfrastructureTable("domain_impact", Kind.EVENT_LOG), GENERATED_AT, true);

        String sql = templates.render(model.shape(), model);
        catalog.apply(sql);

        assertTrue(sql.startsWith("-- Infrastructure table domain_impact:event-log, declared in the pom"
                + " (infrastructureTables)\n-- Generation time: 2025-10-30T14:30:00Z\n"), sql);
        assertEquals("Infrastructure table domain_impact:event-log, declared in the pom",
                catalog.tableComment("domain_impact_events"));
        assertEquals(List.of("id|bigint|NO", "aggregate_id|bigint|NO", "event_type|character varying|NO",
                "event_data|jsonb|NO", "timestamp|" + TIMESTAMPTZ + "|NO", "created_at|" + TIMESTAMPTZ + "|YES"),
                catalog.columns("domain_impact_events"));
        assertEquals("CREATE INDEX idx_domain_impact_events_aggregate ON public.domain_impact_events USING btree "
                + "(aggregate_id, \"timestamp\" DESC)", catalog.indexDefinitions("domain_impact_events").get(1));
    }

    @Test
    void cacheIsIndexedByLookupKey(DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);
        InfrastructureTableModel model = InfrastructureTableModel.of(new InfrastructureTable("preload_card", Kind.CACHE), GENERATED_AT, false);

        catalog.apply(templates.render(model.shape(), model));

        assertEquals(List.of("id|uuid|NO", "lookup_key|uuid|NO", "cached_data|jsonb|NO",
                "expires_at|" + TIMESTAMPTZ + "|YES", "created_at|" + TIMESTAMPTZ + "|YES",
                "updated_at|" + TIMESTAMPTZ + "|YES"), catalog.columns("preload_card_cache"));
        assertEquals("CREATE INDEX idx_preload_card_cache_lookup ON public.preload_card_cache USING btree (lookup_key)",
                catalog.indexDefinitions("preload_card_cache").get(0));
    }

    @Test
    void queueChecksStatusAndIndexesOpenJobs(DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);
        InfrastructureTableModel model = InfrastructureTableModel.of(new InfrastructureTable("background", Kind.QUEUE), GENERATED_AT, false);

        catalog.apply(templates.render(model.shape(), model));

        assertEquals(List.of("id|uuid|NO", "job_type|character varying|NO", "status|character varying|NO",
                "priority|integer|YES", "scheduled_at|" + TIMESTAMPTZ + "|NO", "job_data|jsonb|NO",
                "created_at|" + TIMESTAMPTZ + "|YES", "updated_at|" + TIMESTAMPTZ + "|YES"),
                catalog.columns("background_jobs"));
        assertEquals("CREATE INDEX idx_background_jobs_queue ON public.background_jobs USING btree "
                + "(status, priority DESC, scheduled_at) WHERE ((status)::text = ANY ((ARRAY['pending'::character "
                + "varying, 'running'::character varying])::text[]))", catalog.indexDefinitions("background_jobs").get(1));
        String insert = "INSERT INTO background_jobs (job_type, status, scheduled_at, job_data) VALUES ('send', ?, NOW(), '{}')";
        assertTrue(catalog.accepts(insert, "pending"));
        assertFalse(catalog.accepts(insert, "paused"));
    }

    static Stream<Arguments> everyShape() {
        RelationalTable definition = new RelationalTable(List.of(column("group", PgType.TEXT, false)), List.of(),
                Optional.empty(), OptionalInt.empty());
        return Stream.of(true, false).flatMap(rls -> Stream.of(
                Arguments.of(TableShape.JSONB, "user", JsonbTableModel.of(contract(null, List.of()), "user", GENERATED_AT, rls), rls),
                Arguments.of(TableShape.RELATIONAL, "group",
                        RelationalTableModel.of(contract(null, List.of()), "group", definition, GENERATED_AT, rls), rls),
                Arguments.of(TableShape.EVENT_LOG, "x_events", InfrastructureTableModel.of(new InfrastructureTable("x", Kind.EVENT_LOG), GENERATED_AT, rls), rls),
                Arguments.of(TableShape.CACHE, "x_cache", InfrastructureTableModel.of(new InfrastructureTable("x", Kind.CACHE), GENERATED_AT, rls), rls),
                Arguments.of(TableShape.QUEUE, "x_jobs", InfrastructureTableModel.of(new InfrastructureTable("x", Kind.QUEUE), GENERATED_AT, rls), rls)));
    }

    @ParameterizedTest(name = "{0} {1} rls={3}")
    @MethodSource("everyShape")
    void everyShapeEnablesRowLevelSecurityOnlyWhenAsked(TableShape shape, String table, Object model, boolean rls,
                                                        DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);

        String sql = templates.render(shape, model);
        catalog.apply(sql);

        assertEquals(rls, catalog.rowLevelSecurity(table));
        // A contract's document table is told to need a policy (the relational one has its TODO); the
        // infrastructure tables are the service role's, which row level security does not hold.
        assertEquals(rls && shape == TableShape.JSONB, sql.contains("-- No policy yet: API clients"), sql);
    }
}
