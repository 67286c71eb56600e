package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.infrastructure.InfrastructureTable.Kind;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.testing.Folders;
import dev.atdd.testing.Postgres15;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

@ExtendWith(Postgres15.class)
class MigrationGeneratorTest {

    private static final Path EXAMPLE = Path.of("examples/quiz-game");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    @TempDir
    Path project;

    private final MigrationGenerator generator =
            new MigrationGenerator(SqlTemplates.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theExampleProjectGetsOneMigrationPerMissingTableAndTheyAllApplyOnPostgres15(DataSource database)
            throws Exception {
        copyExample();

        GenerationReport report = generator.generate(request(Strategy.JSONB));

        assertEquals(List.of("match_dilemma_current", "player_profile_profile", "commons_ux_foundations",
                        "match_events", "background_jobs").stream().sorted().toList(),
                report.written().stream().map(GenerationReport.Written::table).sorted().toList());
        assertEquals(List.of("player_profile_profile"),
                report.written().stream().filter(GenerationReport.Written::forReview).map(GenerationReport.Written::table)
                        .toList());
        assertEquals(List.of("match_session_state"),
                report.covered().stream().map(c -> c.table().table()).toList());
        assertEquals(3, report.notPersistent().size());
        for (GenerationReport.Written written : report.written()) {
            assertTrue(written.file().getFileName().toString().matches("\\d{14}_" + written.table() + "\\.sql"));
        }
        // Versions: now's second, then the next free ones, all after the hand-written migration.
        assertEquals(List.of("20261126101530", "20261126101531", "20261126101532", "20261126101533",
                "20261126101534"), versions(report));

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (Path migration : migrationsInOrder()) {
                statement.execute(Files.readString(migration, StandardCharsets.UTF_8));
            }
            assertEquals(Set.of("match_session_state", "match_dilemma_current", "player_profile_profile",
                            "commons_ux_foundations", "match_events", "background_jobs"),
                    Set.copyOf(strings(statement, "select relname from pg_class where relkind = 'r' "
                            + "and relnamespace = 'public'::regnamespace")));
            assertEquals(List.of("true"), strings(statement, "select relrowsecurity::text from pg_class "
                    + "where oid = 'match_dilemma_current'::regclass"));
        }
    }

    @Test
    void aSecondRunWritesNothing() throws Exception {
        copyExample();
        generator.generate(request(Strategy.JSONB));
        List<Path> before = migrationsInOrder();

        GenerationReport second = generator.generate(request(Strategy.JSONB));

        assertTrue(second.written().isEmpty());
        assertEquals(before, migrationsInOrder());
        assertEquals(6, second.covered().size());
    }

    @Test
    void aClockBehindTheNewestMigrationStillWritesALaterVersion() throws Exception {
        copyExample();
        Path migrations = project.resolve("supabase/migrations");
        Files.writeString(migrations.resolve("20271231235959_from_the_future.sql"), "select 1;\n");

        GenerationReport report = generator.generate(request(Strategy.JSONB));

        assertEquals("20280101000000", versions(report).get(0));
    }

    @Test
    void oneBrokenContractStopsTheRunAndNothingIsWritten() throws Exception {
        copyExample();
        Path broken = project.resolve("contracts/match/dilemma/broken.schema.json");
        Files.writeString(broken, "{\n  \"properties\": {\n    \"id\": { \"type\": \"string\" },\n  }\n}\n");
        List<Path> before = migrationsInOrder();

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> generator.generate(request(Strategy.JSONB)));

        assertTrue(failure.describe(project).startsWith("contracts/match/dilemma/broken.schema.json:4:"),
                failure.describe(project));
        assertEquals(before, migrationsInOrder());
    }

    @Test
    void aMovedContractWhoseOldTableExistsGetsNoSecondTable() throws Exception {
        copyExample();
        Path moved = project.resolve("contracts/sales/order/order.schema.json");
        Folders.write(moved, "{\"$id\": \"shop:order:order\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        Folders.write(project.resolve("supabase/migrations/20200101000000_orders.sql"),
                "-- the table of the contract's first place\ncreate table shop_order_order (id text primary key);\n");
        List<Path> before = migrationsInOrder();

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> generator.generate(request(Strategy.JSONB)));

        // The plan's warnings are not shown when the run fails: the ways on are told here too.
        assertEquals(List.of(Problem.in(moved, "generate-migrations writes no table sales_order_order for it: the"
                + " table of its $id, shop_order_order, exists (made by 20200101000000_orders.sql:2), and a second,"
                + " empty table would leave that table and its data behind. Keep them with"
                + " x-artifact-metadata.persistence.table \"shop_order_order\", or rename the table shop_order_order"
                + " to sales_order_order in a migration; then set $id to sales:order:order")),
                failure.problems());
        assertEquals(before, migrationsInOrder());
    }

    @Test
    void aTableAMigrationDroppedOrRenamedIsNotMadeAgainEmpty() throws Exception {
        Path contract = project.resolve("contracts/shop/parcel/tracking.schema.json");
        Folders.write(contract, "{\"properties\": {\"id\": {\"type\": \"string\"}}}");
        Folders.write(project.resolve("supabase/migrations/20200101000000_tracking.sql"),
                "create table shop_parcel_tracking (id text primary key);\n");
        Folders.write(project.resolve("supabase/migrations/20200102000000_gone.sql"),
                "drop table shop_parcel_tracking;\n");
        List<Path> before = migrationsInOrder();

        InvalidInputException dropped = assertThrows(InvalidInputException.class,
                () -> generator.generate(request(Strategy.JSONB)));

        assertEquals(List.of(Problem.in(contract, "generate-migrations writes no table shop_parcel_tracking for it:"
                + " it was dropped by 20200102000000_gone.sql:1, and making it again, empty, would undo that. If the"
                + " contract needs no table any more, delete it or set x-artifact-metadata.persistence.strategy to"
                + " none; if the table must come back as it was, write the migration that makes it yourself (if"
                + " something the migrations do not show makes it again, list it in existingTables).")),
                dropped.problems());
        assertEquals(before, migrationsInOrder());

        // Declared in the pom, and renamed: the same, in the pom's words.
        Folders.write(project.resolve("supabase/migrations/20200103000000_events.sql"),
                "create table match_events (id bigserial primary key);\n"
                        + "alter table match_events rename to match_history;\n");
        InvalidInputException renamed = assertThrows(InvalidInputException.class, () -> generator.generate(
                new GenerationRequest(project.resolve("contracts"), project.resolve("supabase/migrations"),
                        Optional.empty(), Strategy.JSONB, true, List.of(new InfrastructureTable("match", Kind.EVENT_LOG)),
                        Set.of(), false)));
        assertEquals(Problem.in(Path.of("pom.xml"), "generate-migrations writes no table match_events for event-log"
                + " match (infrastructureTables): it was renamed to match_history by 20200103000000_events.sql:2, and"
                + " making it again, empty, would leave its rows behind in match_history. If it is no longer needed,"
                + " remove it from infrastructureTables; if the table must come back as it was, write the migration"
                + " that makes it yourself (if something the migrations do not show makes it again, list it in"
                + " existingTables)."), renamed.problems().get(1));
        assertEquals(before.size() + 1, migrationsInOrder().size());
    }

    @Test
    void withWriteValidContractsOnlyTheTableNotToMakeAgainIsLeftOut() throws Exception {
        Folders.write(project.resolve("supabase/migrations/20200103000000_events.sql"),
                "create table match_events (id bigserial primary key);\n"
                        + "alter table match_events rename to match_history;\n");

        GenerationReport report = generator.generate(new GenerationRequest(project.resolve("contracts"),
                project.resolve("supabase/migrations"), Optional.empty(), Strategy.JSONB, true,
                List.of(new InfrastructureTable("match", Kind.EVENT_LOG), new InfrastructureTable("session", Kind.CACHE)),
                Set.of(), true));

        // Both declarations come from the pom: the refusal of one must not leave out the other.
        assertEquals(List.of("session_cache"), report.written().stream().map(written -> written.table()).toList());
    }

    @Test
    void aMovedContractWhoseTableWasRenamedIsOnlyToldToCorrectItsId() throws Exception {
        copyExample();
        Path moved = project.resolve("contracts/sales/order/order.schema.json");
        Folders.write(moved, "{\"$id\": \"shop:order:order\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        Folders.write(project.resolve("supabase/migrations/20200101000000_orders.sql"),
                "create table shop_order_order (id text primary key);\n");
        Folders.write(project.resolve("supabase/migrations/20200102000000_moved.sql"),
                "alter table shop_order_order rename to sales_order_order;\n");

        GenerationReport report = generator.generate(request(Strategy.JSONB));

        assertEquals(List.of(new Problem(moved, 1, 9, "/$id: shop:order:order, but the file lies in sales/order/,"
                        + " where the $id would be sales:order:order; its table is sales_order_order, and no migration"
                        + " leaves a table shop_order_order behind: set $id to sales:order:order")),
                report.warnings().stream().filter(warning -> warning.file().equals(moved)).toList());
        assertTrue(report.written().stream().noneMatch(written -> written.table().equals("sales_order_order")),
                report.written().toString());
    }

    @Test
    void aTableLeftWithoutItsContractIsToldByARunOverEveryContractOnly() throws Exception {
        copyExample();
        Path old = project.resolve("supabase/migrations/20200101000000_shop_order_order.sql");
        Folders.write(old, "-- Generated from shop/order/order.schema.json\n"
                + "create table shop_order_order (id text);\n");

        GenerationReport all = generator.generate(request(Strategy.JSONB));

        assertEquals(List.of(2), all.warnings().stream().filter(warning -> warning.file().equals(old))
                .map(Problem::line).toList());

        GenerationRequest one = new GenerationRequest(project.resolve("contracts"),
                project.resolve("supabase/migrations"),
                Optional.of(project.resolve("contracts/match/dilemma/current.schema.json")), Strategy.JSONB, true,
                List.of(), Set.of(), false);
        assertEquals(List.of(), generator.generate(one).warnings().stream()
                .filter(warning -> warning.file().equals(old)).toList());
    }

    @Test
    void aContractCopiedWithItsIdFromAnotherStillGetsItsTable() throws Exception {
        // The table its $id names is the other contract's: nothing moved, and nothing is left behind.
        copyExample();
        Folders.write(project.resolve("contracts/shop/order/order.schema.json"),
                "{\"$id\": \"shop:order:order\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        Path copy = project.resolve("contracts/shop/order/invoice.schema.json");
        Folders.write(copy, "{\"$id\": \"shop:order:order\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        Folders.write(project.resolve("supabase/migrations/20200101000000_orders.sql"),
                "create table shop_order_order (id text primary key);\n");

        GenerationReport report = generator.generate(request(Strategy.JSONB));

        assertTrue(report.written().stream().anyMatch(written -> written.table().equals("shop_order_invoice")),
                report.written().toString());
        assertEquals(List.of(new Problem(copy, 1, 9, "/$id: shop:order:order, but the file lies in shop/order/, where the"
                + " $id would be shop:order:invoice; the table of that $id, shop_order_order, is the one of contract"
                + " shop/order/order: set $id to shop:order:invoice")),
                report.warnings().stream().filter(warning -> warning.file().equals(copy)).toList());
    }

    @Test
    void twoContractsOnOneTableAreAnErrorNamingBoth() throws Exception {
        copyExample();
        Files.writeString(project.resolve("contracts/match/dilemma/clash.schema.json"),
                "{\"x-artifact-metadata\": {\"persistence\": {\"strategy\": \"jsonb\", "
                        + "\"table\": \"match_dilemma_current\"}}, \"properties\": {\"id\": {\"type\": \"string\"}}}");

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> generator.generate(request(Strategy.JSONB)));

        String message = failure.describe(project);
        assertTrue(message.contains("contract match/dilemma/clash"), message);
        assertTrue(message.contains("current.schema.json"), message);
        assertFalse(Files.exists(project.resolve("supabase/migrations/20261126101530_match_dilemma_current.sql")));
    }

    @Test
    void oneContractByPathWritesOnlyThatOne() throws Exception {
        copyExample();
        Path contract = project.resolve("contracts/commons/ux/foundations.schema.json");
        GenerationRequest request = new GenerationRequest(project.resolve("contracts"),
                project.resolve("supabase/migrations"), Optional.of(contract), Strategy.JSONB, true,
                List.of(new InfrastructureTable("match", Kind.EVENT_LOG)), Set.of(), false);

        GenerationReport report = generator.generate(request);

        assertEquals(List.of("commons_ux_foundations"),
                report.written().stream().map(GenerationReport.Written::table).toList());
    }

    @Test
    void oneContractCopiedWithTheIdOfAnotherIsToldToSetItsIdAsARunOverEveryContractTellsIt() throws Exception {
        // The newcomer trial: booking copied to visit, $id and all, with booking and its table still there.
        String booking = "{\"$id\": \"clinic:appointment:booking\", \"properties\": {\"id\": {\"type\": \"string\"}}}";
        Folders.write(project.resolve("contracts/clinic/appointment/booking.schema.json"), booking);
        Path copy = Folders.write(project.resolve("contracts/clinic/visit/visit.schema.json"), booking);
        Folders.write(project.resolve("supabase/migrations/20200101000000_booking.sql"),
                "create table clinic_appointment_booking (id text primary key);\n");

        GenerationReport report = generator.generate(one(copy, List.of()));

        // Read alone, the copy took booking's table for its own left behind, and was refused its table.
        assertEquals(List.of(new Problem(copy, 1, 9, "/$id: clinic:appointment:booking, but the file lies in"
                + " clinic/visit/, where the $id would be clinic:visit:visit; the table of that $id,"
                + " clinic_appointment_booking, is the one of contract clinic/appointment/booking: set $id to"
                + " clinic:visit:visit")), report.warnings());
        assertEquals(List.of("clinic_visit_visit"),
                report.written().stream().map(GenerationReport.Written::table).toList());
    }

    @Test
    void oneContractIsFoundAsTheCatalogListsItWhereItsPathIsSpeltOtherwise() throws Exception {
        Path contract = Folders.write(project.resolve("contracts/shop/order/order.schema.json"),
                "{\"properties\": {\"id\": {}}}");
        // A path spelt otherwise for the same file, as a letter's case is on a file system that ignores it.
        Path spelt = Files.createSymbolicLink(project.resolve("spelt"), project.resolve("contracts"));
        ContractCatalog catalog = ContractCatalog.load(spelt);
        assertEquals(List.of(spelt.resolve("shop/order/order.schema.json")),
                catalog.contracts().stream().map(Contract::file).toList());

        GenerationReport report = generator.generate(one(contract, List.of()), catalog);

        assertEquals(List.of("shop_order_order"),
                report.written().stream().map(GenerationReport.Written::table).toList());
    }

    @Test
    void oneContractTheCatalogDoesNotListIsAProblemRatherThanNothingToGenerate() throws Exception {
        copyExample();
        // Listed before the file was written, as a catalog misses a path spelt otherwise (a letter's case on macOS).
        ContractCatalog catalog = ContractCatalog.load(project.resolve("contracts"));
        Path late = Folders.write(project.resolve("contracts/shop/order/order.schema.json"),
                "{\"properties\": {\"id\": {}}}");

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> generator.generate(one(late, List.of()), catalog));

        assertEquals(List.of(Problem.in(late, "is not among the contracts listed under " + project.resolve("contracts")
                + ": give its path as its folders are spelt")), failure.problems());
    }

    @Test
    void oneContractIsNeitherStoppedNorToldByTheProblemsAndWarningsOfOthers() throws Exception {
        copyExample();
        Folders.write(project.resolve("contracts/broken/shape/array.schema.json"), "[]");
        Folders.write(project.resolve("contracts/shallow.schema.json"), "{\"properties\": {\"id\": {}}}");
        assertThrows(InvalidInputException.class, () -> generator.generate(request(Strategy.JSONB)));

        GenerationReport report = generator.generate(one(
                project.resolve("contracts/commons/ux/foundations.schema.json"), List.of()));

        assertEquals(List.of("commons_ux_foundations"),
                report.written().stream().map(GenerationReport.Written::table).toList());
        assertEquals(List.of(), report.warnings());
        assertEquals(List.of(), report.notPersistent());
    }

    @Test
    void oneContractWhoseTableAnotherAsksForTooWritesNothingWhereverTheClashIsTold() throws Exception {
        copyExample();
        Path current = project.resolve("contracts/match/dilemma/current.schema.json");
        // After current in path order: a run over every contract tells the clash there, as this run does.
        Path later = Folders.write(project.resolve("contracts/match/dilemma/later.schema.json"),
                "{\"x-artifact-metadata\": {\"persistence\": {\"table\": \"match_dilemma_current\"}},"
                        + " \"properties\": {\"id\": {\"type\": \"string\"}}}");
        Path audit = Folders.write(project.resolve("contracts/ops/audit/log.schema.json"),
                "{\"x-artifact-metadata\": {\"persistence\": {\"table\": \"audit_cache\"}},"
                        + " \"properties\": {\"id\": {\"type\": \"string\"}}}");

        InvalidInputException byContract = assertThrows(InvalidInputException.class,
                () -> generator.generate(one(current, List.of())));
        // A declared table comes after every contract: the clash is told at the build file.
        InvalidInputException byDeclared = assertThrows(InvalidInputException.class,
                () -> generator.generate(one(audit, List.of(new InfrastructureTable("audit", Kind.CACHE)))));

        assertEquals(List.of(later), byContract.problems().stream().map(Problem::file).toList());
        assertTrue(byContract.problems().get(0).message().contains("as does contract match/dilemma/current"),
                byContract.getMessage());
        assertEquals(List.of(Path.of("pom.xml")), byDeclared.problems().stream().map(Problem::file).toList());
        assertTrue(byDeclared.problems().get(0).message().contains("as does contract ops/audit/log"),
                byDeclared.getMessage());
        assertEquals(List.of("20250101120000_match_session_state.sql"), migrationsInOrder().stream()
                .map(file -> file.getFileName().toString()).toList());
    }

    @Test
    void oneContractWhoseTableWasRenamedToAnothersIsNotAdvisedToTakeIt() throws Exception {
        String contract = "{\"properties\": {\"id\": {\"type\": \"string\"}}}";
        Path product = Folders.write(project.resolve("contracts/shop/catalog/product.schema.json"), contract);
        Folders.write(project.resolve("contracts/shop/catalog/item.schema.json"), contract);
        Folders.write(project.resolve("supabase/migrations/20250101000000_make.sql"),
                "create table shop_catalog_product (id text);\n"
                        + "alter table shop_catalog_product rename to shop_catalog_item;\n");

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> generator.generate(one(product, List.of())));

        String refusal = failure.problems().get(0).message();
        assertTrue(refusal.contains("shop_catalog_item is the table of shop/catalog/item."), refusal);
        assertFalse(refusal.contains("name it in x-artifact-metadata.persistence.table"), refusal);
    }

    @Test
    void tablesListedAsExistingAreNotGenerated() throws Exception {
        copyExample();
        GenerationRequest request = new GenerationRequest(project.resolve("contracts"),
                project.resolve("supabase/migrations"), Optional.empty(), Strategy.JSONB, true,
                List.of(), Set.of("player_profile_profile", "commons_ux_foundations"), false);

        GenerationReport report = generator.generate(request);

        assertEquals(List.of("match_dilemma_current"),
                report.written().stream().map(GenerationReport.Written::table).toList());
    }

    @Test
    void aUserTemplateThatMakesNoTableOfTheGivenNameStopsTheRunNamingTheTemplate() throws Exception {
        copyExample();
        Path templates = Files.createDirectories(project.resolve("templates"));
        Path jsonb = Folders.write(templates.resolve("jsonb.sql.ftl"), "CREATE TABLE other_name (id int);\n");
        Folders.write(templates.resolve("cache.sql.ftl"), "");
        List<Path> before = migrationsInOrder();
        MigrationGenerator custom = new MigrationGenerator(SqlTemplates.withOverrides(templates),
                Clock.fixed(NOW, ZoneOffset.UTC));

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> custom.generate(request(Strategy.JSONB)));

        assertTrue(failure.problems().stream().allMatch(p -> p.file().equals(jsonb)), failure.problems().toString());
        assertTrue(failure.problems().get(0).message().startsWith("makes no table commons_ux_foundations (for "),
                failure.problems().get(0).message());
        assertEquals(before, migrationsInOrder());
    }

    @Test
    void aTemplateErrorIsToldOnceNamingTheTablesItFailedFor() throws Exception {
        copyExample();
        Folders.write(project.resolve("contracts/extra/more/alpha.schema.json"), "{\"properties\": {\"id\": {}}}");
        Folders.write(project.resolve("contracts/extra/more/beta.schema.json"), "{\"properties\": {\"id\": {}}}");
        Path templates = Files.createDirectories(project.resolve("templates"));
        Path jsonb = Folders.write(templates.resolve("jsonb.sql.ftl"), "CREATE TABLE ${ident(model.tabel)} ();\n");
        Path queue = Folders.write(templates.resolve("queue.sql.ftl"), "CREATE TABLE ${ident(model.tabel)} ();\n");
        MigrationGenerator custom = new MigrationGenerator(SqlTemplates.withOverrides(templates),
                Clock.fixed(NOW, ZoneOffset.UTC));

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> custom.generate(request(Strategy.JSONB)));

        String error = "ident() takes a string, got null\n==> ${ident(model.tabel)}\n(rendering ";
        assertEquals(List.of(new Problem(jsonb, 1, 14, error + "tables commons_ux_foundations, extra_more_alpha,"
                        + " extra_more_beta and 1 more)"),
                new Problem(queue, 1, 14, error + "table background_jobs)")), failure.problems());
    }

    @Test
    void aFolderWhereAUserTemplateShouldBeIsAProblem() throws Exception {
        Path templates = Files.createDirectories(project.resolve("templates/jsonb.sql.ftl")).getParent();

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(templates));

        assertEquals("not a file: the built-in template would be used instead", failure.problems().get(0).message());
    }

    @Test
    void aUserTemplateThatCannotBeReadIsAProblemOfThatFile() throws Exception {
        Path templates = Files.createDirectories(project.resolve("templates"));
        // A regular file whose read fails (EIO) even for root, who may read any file of ours.
        Path relational = Files.createSymbolicLink(templates.resolve("relational.sql.ftl"), Path.of("/proc/self/mem"));

        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(templates));

        assertEquals(relational, failure.problems().get(0).file());
        assertTrue(failure.problems().get(0).message().startsWith("cannot be read: "), failure.problems().toString());
    }

    private GenerationRequest one(Path contract, List<InfrastructureTable> declared) {
        return new GenerationRequest(project.resolve("contracts"), project.resolve("supabase/migrations"),
                Optional.of(contract), Strategy.JSONB, true, declared, Set.of(), false);
    }

    private GenerationRequest request(Strategy defaultStrategy) {
        return new GenerationRequest(project.resolve("contracts"), project.resolve("supabase/migrations"),
                Optional.empty(), defaultStrategy, true,
                List.of(new InfrastructureTable("match", Kind.EVENT_LOG),
                        new InfrastructureTable("background", Kind.QUEUE)),
                Set.of(), false);
    }

    private void copyExample() {
        Folders.copy(EXAMPLE, project);
    }

    private List<Path> migrationsInOrder() throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("supabase/migrations"))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static List<String> versions(GenerationReport report) {
        return report.written().stream().map(w -> w.file().getFileName().toString().substring(0, 14)).sorted().toList();
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
