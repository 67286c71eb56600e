package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.infrastructure.InfrastructureTable.Kind;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.testing.Folders;
import dev.atdd.testing.Postgres15;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Tables and indexes share a schema's namespace: the new migrations of one run must not reuse a name. */
@ExtendWith(Postgres15.class)
class RelationNamespaceTest {

    private static final String ROUND_BY_PLAYER = """
            {"properties": {"id": {"type": "string"}, "player_id": {"type": "string"}},
             "x-artifact-metadata": {"persistence": {"indexes": [{"fields": ["player_id"]}]}}}
            """;
    // game_match_round_player's index on id is named as game_match_round's index on player_id.
    private static final String ROUND_PLAYER_BY_ID = """
            {"properties": {"id": {"type": "string"}},
             "x-artifact-metadata": {"persistence": {"indexes": [{"fields": ["id"]}]}}}
            """;

    private static final String TABLE_SHARED = """
            {"properties": {"id": {"type": "string"}}, "x-artifact-metadata": {"persistence": {"table": "shared"}}}
            """;

    @TempDir
    Path project;

    private final MigrationGenerator generator = new MigrationGenerator(SqlTemplates.builtIn(),
            Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void indexNamesTwoContractsMakeAlikeAreAnErrorAndNothingIsWritten() {
        contract("game/match/round", ROUND_BY_PLAYER);
        contract("game/match/round_player", ROUND_PLAYER_BY_ID);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals(List.of("contracts/game/match/round_player.schema.json: its index name"
                        + " idx_game_match_round_player_id is also the name of the index idx_game_match_round_player_id"
                        + " of game/match/round: one schema cannot hold two relations of one name; give one of them"
                        + " another name (a table's by persistence.table, an index's by persistence.indexes[].name)"),
                failure.problems().stream().map(problem -> problem.describe(project)).toList());
        assertEquals(List.of(), migrations());
    }

    @Test
    void indexNamesTwoContractsChoseAlikeAreAnError() {
        contract("game/match/round", indexNamed("by_match"));
        contract("game/match/score", indexNamed("by_match"));

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        String message = failure.describe(project);
        assertTrue(message.startsWith("contracts/game/match/score.schema.json: its index name by_match is also the"
                + " name of the index by_match of game/match/round"), message);
    }

    @Test
    void anIndexNamedLikeATableTheMigrationsCreateIsAnError() {
        Folders.write(project.resolve("supabase/migrations/20250101000000_scores.sql"), "create table scores (id int);\n");
        contract("game/match/round", indexNamed("scores"));

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertTrue(failure.describe(project).contains("its index name scores is also the name of the table scores"
                + " of the migrations folder"), failure.describe(project));
    }

    @Test
    void aTableNamedLikeATypeTheMigrationsMakeIsAnErrorNamingWhereItWasMade(DataSource database) throws SQLException {
        String enumType = "-- statuses\ncreate type game_match_status as enum ('open', 'closed');\n";
        Folders.write(project.resolve("supabase/migrations/20250101000000_types.sql"), enumType);
        contract("game/match/status", ROUND_PLAYER_BY_ID);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals("contracts/game/match/status.schema.json: its table name game_match_status is also the name of"
                + " the type game_match_status made by 20250101000000_types.sql:2: a table makes a type of its own"
                + " name, and one schema cannot hold two types of one name; give one of them another name (a table's"
                + " by persistence.table, an index's by persistence.indexes[].name)", failure.describe(project));
        assertWouldNotApply(database, enumType, "create table game_match_status (id text primary key)", "42710");
    }

    @Test
    void anIndexNamedLikeAnIndexTheMigrationsMakeIsAnErrorNamingWhereItWasMade(DataSource database)
            throws SQLException {
        String legacy = "CREATE TABLE legacy(id int);\nCREATE INDEX idx_lab_other_x_data ON legacy(id);\n";
        Folders.write(project.resolve("supabase/migrations/20250101000000_legacy.sql"), legacy);
        contract("lab/other/x", ROUND_PLAYER_BY_ID);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals("contracts/lab/other/x.schema.json: its index name idx_lab_other_x_data is also the name of the"
                + " index idx_lab_other_x_data made by 20250101000000_legacy.sql:2: one schema cannot hold two relations"
                + " of one name; give one of them another name (a table's by persistence.table, an index's by"
                + " persistence.indexes[].name)", failure.describe(project));
        assertEquals(1, migrations().size());
        assertWouldNotApply(database, legacy + "CREATE TABLE lab_other_x (id text PRIMARY KEY, data jsonb);",
                "CREATE INDEX idx_lab_other_x_data ON lab_other_x USING GIN (data)", "42P07");
    }

    @Test
    void anIndexNameIsStillTakenAfterAForeignKeysOnDeleteCascade(DataSource database) throws SQLException {
        String organisations = "create table organisations (id uuid primary key, slug text);\n"
                + "create index organisations_slug_idx on organisations (slug);\n";
        String members = "create table org_member_member (organisation_id uuid);\n"
                + "ALTER TABLE org_member_member ADD CONSTRAINT fk_org FOREIGN KEY (organisation_id)"
                + " REFERENCES organisations(id) ON DELETE CASCADE;\n";
        Folders.write(project.resolve("supabase/migrations/20250101000000_organisations.sql"), organisations);
        Folders.write(project.resolve("supabase/migrations/20250102000000_members.sql"), members);
        contract("game/match/round", indexNamed("organisations_slug_idx"));

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> generator.generate(request(false)));

        assertTrue(failure.describe(project).startsWith("contracts/game/match/round.schema.json: its index name"
                + " organisations_slug_idx is also the name of the index organisations_slug_idx made by"
                + " 20250101000000_organisations.sql:2: "), failure.describe(project));
        assertEquals(2, migrations().size());
        assertWouldNotApply(database, organisations + members + "create table game_match_round (id text);",
                "create index organisations_slug_idx on game_match_round (id)", "42P07");
    }

    @Test
    void aTableRenamedInAGeneratedMigrationLeavesItsIndexNameTaken() throws IOException {
        contract("lab/other/x", ROUND_PLAYER_BY_ID);
        Path first = generator.generate(request(false)).written().get(0).file();
        Files.writeString(first, Files.readString(first).replaceAll("\\blab_other_x\\b", "lab_x"));

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertTrue(failure.describe(project).contains("its index name idx_lab_other_x_data is also the name of the index"
                + " idx_lab_other_x_data made by " + first.getFileName() + ":"), failure.describe(project));
        assertEquals(List.of(first), migrations());
    }

    @Test
    void anIndexTheMigrationsDroppedHoldsNoName() {
        Folders.write(project.resolve("supabase/migrations/20250101000000_legacy.sql"),
                "create table legacy(id int);\ncreate index idx_lab_other_x_data on legacy(id);\n");
        Folders.write(project.resolve("supabase/migrations/20250102000000_drop.sql"), "drop table legacy;\n");
        contract("lab/other/x", ROUND_PLAYER_BY_ID);

        GenerationReport report = generator.generate(request(false));

        assertEquals(List.of("lab_other_x"), report.written().stream().map(GenerationReport.Written::table).toList());
    }

    @Test
    void aTableOrIndexNamedLikeAViewIsAnErrorUnlessTheViewWasDropped() {
        Folders.write(project.resolve("supabase/migrations/20250101000000_views.sql"),
                "create view game_match_round as select 1 as id;\ncreate view by_match as select 1 as id;\n"
                        + "create view gone as select 1 as id;\n");
        Folders.write(project.resolve("supabase/migrations/20250102000000_drop.sql"), "drop view gone;\n");
        contract("game/match/round", indexNamed("by_match"));
        contract("game/match/score", indexNamed("gone"));

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals(List.of("contracts/game/match/round.schema.json: its table name game_match_round is also the name"
                + " of the view game_match_round made by 20250101000000_views.sql:1; its index name by_match is also"
                + " the name of the view by_match made by 20250101000000_views.sql:2: one schema cannot hold two"
                + " relations of one name; give one of them another name (a table's by persistence.table, an index's"
                + " by persistence.indexes[].name)"),
                failure.problems().stream().map(problem -> problem.describe(project)).toList());
    }

    @Test
    void anIndexNamedLikeACompositeTypeIsAnErrorButNotLikeAnEnum() {
        Folders.write(project.resolve("supabase/migrations/20250101000000_types.sql"),
                "create type by_match as (a int);\ncreate type by_score as enum ('x');\n");
        contract("game/match/round", indexNamed("by_match"));
        contract("game/match/score", indexNamed("by_score"));

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals(List.of("contracts/game/match/round.schema.json: its index name by_match is also the name of the"
                + " composite type by_match made by 20250101000000_types.sql:1: one schema cannot hold two relations of"
                + " one name; give one of them another name (a table's by persistence.table, an index's by"
                + " persistence.indexes[].name)"),
                failure.problems().stream().map(problem -> problem.describe(project)).toList());
    }

    @Test
    void aViewDroppedWithWhatItWasBuiltOnHoldsNoName() {
        Folders.write(project.resolve("supabase/migrations/20250101000000_views.sql"),
                "create table scores (id int);\ncreate view game_match_round as select * from scores;\n");
        Folders.write(project.resolve("supabase/migrations/20250102000000_drop.sql"), "drop table scores cascade;\n");
        contract("game/match/round", ROUND_BY_PLAYER);

        GenerationReport report = generator.generate(request(false));

        assertEquals(List.of("game_match_round"), report.written().stream().map(GenerationReport.Written::table).toList());
    }

    @Test
    void writingWhatIsValidLeavesTheLaterTableOutAndTheRestApplies(DataSource database) throws SQLException {
        contract("game/match/round", ROUND_BY_PLAYER);
        contract("game/match/round_player", ROUND_PLAYER_BY_ID);

        GenerationReport report = generator.generate(request(true));

        assertEquals(List.of("game_match_round"), report.written().stream().map(GenerationReport.Written::table).toList());
        assertEquals(List.of(project.resolve("contracts/game/match/round_player.schema.json")),
                report.skipped().stream().map(Problem::file).toList());
        assertEquals(List.of("game_match_round_pkey", "idx_game_match_round_data", "idx_game_match_round_player_id"),
                indexesAfterApplying(database));
    }

    @Test
    void twoContractsOnOneTableAreReportedOnceByThePlan() {
        contract("game/match/a", TABLE_SHARED);
        contract("game/match/b", TABLE_SHARED);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals(1, failure.problems().size(), failure.describe(project));
        assertTrue(failure.describe(project).contains("maps to table shared"), failure.describe(project));
    }

    @Test
    void aTableLeftOutForAClashClaimsNoNameFromTheTablesAfterIt(DataSource database) throws SQLException {
        contract("game/match/round", ROUND_BY_PLAYER);
        contract("game/match/round_player", ROUND_PLAYER_BY_ID);
        // Would clash with round_player's data index, but round_player is not written.
        contract("game/match/score", indexNamed("idx_game_match_round_player_data"));

        GenerationReport report = generator.generate(request(true));

        assertEquals(List.of("game_match_round", "game_match_score"),
                report.written().stream().map(GenerationReport.Written::table).toList());
        assertTrue(indexesAfterApplying(database).contains("idx_game_match_round_player_data"));
    }

    @Test
    void aDeclaredTableThatClashesIsLeftOutAloneNotWithEveryDeclaredTable() {
        contract("game/match/round", indexNamed("idx_background_jobs_queue"));

        GenerationReport report = generator.generate(new GenerationRequest(project.resolve("contracts"),
                project.resolve("supabase/migrations"), Optional.empty(), Strategy.JSONB, true,
                List.of(new InfrastructureTable("match", Kind.EVENT_LOG), new InfrastructureTable("background", Kind.QUEUE)),
                Set.of(), true));

        assertEquals(List.of("game_match_round", "match_events"),
                report.written().stream().map(GenerationReport.Written::table).toList());
        assertEquals(1, report.skipped().size());
        assertTrue(report.skipped().get(0).message().contains("its index name idx_background_jobs_queue is also the"
                + " name of the index idx_background_jobs_queue of game/match/round"), report.skipped().toString());
    }

    @Test
    void pgDumpsEmptySearchPathStopsTheRunToo() {
        Path migration = Folders.write(project.resolve("supabase/migrations/20250101000000_dump.sql"),
                "SELECT pg_catalog.set_config('search_path', '', false);\ncreate table public.helper (id int);\n");
        contract("game/match/round", ROUND_BY_PLAYER);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals(List.of(migration), failure.problems().stream().map(Problem::file).toList());
        assertEquals(List.of(migration), migrations());
    }

    @Test
    void aSearchPathLeftOnAnotherSchemaStopsTheRunNamingTheMigration() {
        Path migration = Folders.write(project.resolve("supabase/migrations/20250101000000_app.sql"),
                "create schema app;\nset search_path to app;\ncreate table helper (id int);\n");
        contract("game/match/round", ROUND_BY_PLAYER);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        assertEquals(List.of(migration), failure.problems().stream().map(Problem::file).toList());
        assertTrue(failure.describe(project).contains("end the migration with RESET search_path"), failure.describe(project));
        assertEquals(List.of(migration), migrations());
    }

    @Test
    void aDerivedIndexNameLongerThan63BytesIsWarnedToo() {
        String table = "t" + "x".repeat(58);
        contract("game/match/round", "{\"properties\": {\"id\": {\"type\": \"string\"}},"
                + " \"x-artifact-metadata\": {\"persistence\": {\"table\": \"" + table + "\"}}}");

        GenerationReport report = generator.generate(request(false));

        assertEquals(1, report.warnings().size(), report.warnings().toString());
        assertTrue(report.warnings().get(0).message().startsWith("index name idx_" + table + "_data is longer than"
                + " 63 bytes"), report.warnings().toString());
    }

    @Test
    void anIndexNameLongerThan63BytesIsShortenedWithAWarning(DataSource database) throws SQLException {
        String name = "by_" + "x".repeat(70);
        contract("game/match/round", indexNamed(name));

        GenerationReport report = generator.generate(request(false));

        assertEquals(1, report.warnings().size());
        String warning = report.warnings().get(0).describe(project);
        assertTrue(warning.startsWith("contracts/game/match/round.schema.json: index name " + name
                + " is longer than 63 bytes, shortened to by_xxx"), warning);
        String shortened = warning.substring(warning.lastIndexOf(' ') + 1);
        assertEquals(63, shortened.length());
        assertTrue(indexesAfterApplying(database).contains(shortened), shortened);
    }

    /** What the run refused to write would not apply: after {@code migrations}, {@code refused} fails. */
    private static void assertWouldNotApply(DataSource database, String migrations, String refused, String sqlState)
            throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(migrations);
            SQLException failure = assertThrows(SQLException.class, () -> statement.execute(refused));
            assertEquals(sqlState, failure.getSQLState());
        }
    }

    private static String indexNamed(String name) {
        return "{\"properties\": {\"id\": {\"type\": \"string\"}, \"match_id\": {\"type\": \"string\"}},"
                + " \"x-artifact-metadata\": {\"persistence\": {\"indexes\": [{\"name\": \"" + name + "\","
                + " \"fields\": [\"match_id\"]}]}}}";
    }

    private void contract(String path, String json) {
        Folders.write(project.resolve("contracts/" + path + ".schema.json"), json);
    }

    private GenerationRequest request(boolean writeValidContracts) {
        return new GenerationRequest(project.resolve("contracts"), project.resolve("supabase/migrations"),
                Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(), writeValidContracts);
    }

    private List<Path> migrations() {
        Path folder = project.resolve("supabase/migrations");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Applies every migration in order, then lists the indexes of public, sorted. */
    private List<String> indexesAfterApplying(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (Path migration : migrations()) {
                statement.execute(Files.readString(migration));
            }
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select indexname from pg_indexes where schemaname = 'public' order by indexname")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
