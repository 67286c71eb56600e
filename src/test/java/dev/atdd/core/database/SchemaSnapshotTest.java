package dev.atdd.core.database;

import static dev.atdd.core.database.SqlFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSnapshotTest {

    private static ScratchDatabase database;
    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void migrate(@TempDir Path migrations) {
        database = ScratchDatabase.embedded();
        new MigrationRunner(database.connection()).apply(List.of(write(migrations, "20240101000000_scores.sql", """
                create table public.scores (
                  id uuid primary key default gen_random_uuid(),
                  "order" integer not null check ("order" >= 0),
                  status text not null default 'open',
                  data jsonb not null,
                  low integer,
                  high integer,
                  constraint scores_status_check check (status in ('open', 'it''s done')),
                  constraint scores_range check (low <= high)
                );
                create index idx_scores_data on public.scores using gin (data);
                create unique index scores_open_order on public.scores (lower(status), "order") where status = 'open';
                create table public.plain (n numeric(10, 2), t varchar(20)[]);
                create table other_schema_is_ignored_not (x int);
                create schema private;
                create table private.hidden (x int);
                create type public.mood as enum ('sad', 'happy');
                alter type public.mood add value 'ok' before 'happy';
                create type private.phase as enum ('b', 'a');
                create type public.nothing as enum ();
                create domain public.mood_list as mood[];
                create table public.moods (m mood not null, ms mood[], p private.phase, n nothing, t text[],
                  ml mood_list);
                """)));
        snapshot = SchemaSnapshot.read(database.connection(), "public");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void readsOnlyTheTablesOfTheSchemaByName() {
        assertEquals(List.of("moods", "other_schema_is_ignored_not", "plain", "scores"),
                snapshot.tables().stream().map(SchemaSnapshot.Table::name).toList());
        assertEquals(Optional.empty(), snapshot.table("hidden"));
    }

    @Test
    void readsColumnsWithFormattedTypesNullabilityAndDefaults() {
        SchemaSnapshot.Table scores = snapshot.table("scores").orElseThrow();
        assertEquals(List.of(
                new SchemaSnapshot.Column("id", "uuid", "uuid", true, Optional.of("gen_random_uuid()"), Optional.empty()),
                new SchemaSnapshot.Column("order", "integer", "integer", true, Optional.empty(), Optional.empty()),
                new SchemaSnapshot.Column("status", "text", "text", true, Optional.of("'open'::text"), Optional.empty()),
                new SchemaSnapshot.Column("data", "jsonb", "jsonb", true, Optional.empty(), Optional.empty()),
                new SchemaSnapshot.Column("low", "integer", "integer", false, Optional.empty(), Optional.empty()),
                new SchemaSnapshot.Column("high", "integer", "integer", false, Optional.empty(), Optional.empty())),
                scores.columns());
        assertEquals(List.of("numeric(10,2)", "character varying(20)[]"),
                snapshot.table("plain").orElseThrow().columns().stream().map(SchemaSnapshot.Column::type).toList());
        assertFalse(scores.rowLevelSecurity());
    }

    @Test
    void readsTheLabelsOfAnEnumTypeOrOfAnArraysEnumElementTypeInTheirOrderWhateverItsSchema() {
        // A type off the search path the catalog is read on is printed qualified: private.phase.
        assertEquals(List.of(
                new SchemaSnapshot.Column("m", "mood", "mood", true, Optional.empty(), Optional.of(List.of("sad", "ok", "happy"))),
                new SchemaSnapshot.Column("ms", "mood[]", "mood[]", false, Optional.empty(),
                        Optional.of(List.of("sad", "ok", "happy"))),
                new SchemaSnapshot.Column("p", "private.phase", "private.phase", false, Optional.empty(), Optional.of(List.of("b", "a"))),
                new SchemaSnapshot.Column("n", "nothing", "nothing", false, Optional.empty(), Optional.of(List.of())),
                new SchemaSnapshot.Column("t", "text[]", "text[]", false, Optional.empty(), Optional.empty()),
                // A domain over an array: compared by the array it stores, its element type's labels too.
                new SchemaSnapshot.Column("ml", "mood_list", "mood[]", false, Optional.empty(),
                        Optional.of(List.of("sad", "ok", "happy")))),
                snapshot.table("moods").orElseThrow().columns());
    }

    @Test
    void readsCheckConstraintsWithTheirColumns() {
        assertEquals(List.of(
                new SchemaSnapshot.Check("scores_order_check", List.of("order"), "CHECK (\"order\" >= 0)"),
                new SchemaSnapshot.Check("scores_range", List.of("low", "high"), "CHECK (low <= high)"),
                new SchemaSnapshot.Check("scores_status_check", List.of("status"),
                        "CHECK (status = ANY (ARRAY['open'::text, 'it''s done'::text]))")),
                snapshot.table("scores").orElseThrow().checks());
    }

    @Test
    void readsIndexesWithMethodKeysAndPredicate() {
        List<SchemaSnapshot.Index> indexes = snapshot.table("scores").orElseThrow().indexes();
        assertEquals(List.of("idx_scores_data", "scores_open_order", "scores_pkey"),
                indexes.stream().map(SchemaSnapshot.Index::name).toList());
        SchemaSnapshot.Index gin = indexes.get(0);
        assertEquals(List.of("gin", List.of("data"), false, false), List.of(gin.method(), gin.keys(), gin.unique(), gin.primaryKey()));
        SchemaSnapshot.Index partial = indexes.get(1);
        assertEquals(List.of("btree", List.of("lower(status)", "\"order\""), true, Optional.of("status = 'open'::text")),
                List.of(partial.method(), partial.keys(), partial.unique(), partial.predicate()));
        assertTrue(partial.definition().startsWith("CREATE UNIQUE INDEX scores_open_order ON public.scores"),
                partial.definition());
        assertTrue(indexes.get(2).primaryKey() && indexes.get(2).valid());
    }
}
