package dev.atdd.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.Problem;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.infrastructure.InfrastructureTable.Kind;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.testing.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two things that ask for one table are a problem naming both, in words the user can find. */
class TablePlanTest {

    @TempDir
    Path contracts;

    @TempDir
    Path migrations;

    @Test
    void twoContractsAskingForOneTableAreAProblemOfTheSecondNamingTheFirst() throws IOException {
        // Contracts are read in path order: legacy, then order.
        contract("shop/order/legacy.schema.json", "orders");
        Path second = contract("shop/order/order.schema.json", "orders");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(new Problem(second, 2, 72, "/x-artifact-metadata/persistence/table: maps to table orders,"
                + " as does contract shop/order/legacy; give one of them another name"
                + " (x-artifact-metadata.persistence.table for a contract)")), plan.problems());
    }

    @Test
    void twoContractsOfOneKeyInNestedFoldersAreToldApartByTheFirstOnesPath() throws IOException {
        // {theme}/{domain}/.../{aspect}: the folders between domain and file are not part of the key.
        Folders.write(contracts.resolve("shop/order/a/item.schema.json"), "{\"properties\": {\"id\": {}}}");
        Path second = Folders.write(contracts.resolve("shop/order/b/item.schema.json"), "{\"properties\": {\"id\": {}}}");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(Problem.in(second, "maps to table shop_order_item, as does contract shop/order/item"
                + " (shop/order/a/item.schema.json); give one of them another name"
                + " (x-artifact-metadata.persistence.table for a contract)")), plan.problems());
    }

    @Test
    void oneInfrastructureTableDeclaredTwiceIsAProblemOfTheBuildFile() {
        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB,
                List.of(new InfrastructureTable("jobs", Kind.QUEUE), new InfrastructureTable("jobs_jobs", Kind.QUEUE)));

        assertEquals(List.of(Problem.in(Path.of("pom.xml"), "the queue jobs_jobs of the build's infrastructureTables"
                + " maps to table jobs_jobs, as does the queue jobs of the build's infrastructureTables; give one of"
                + " them another name (x-artifact-metadata.persistence.table for a contract)")), plan.problems());
    }

    @Test
    void aDeclaredTableTakingAContractsTableIsAProblemOfTheBuildFile() throws IOException {
        contract("match/log/match.schema.json", "match_events");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB,
                List.of(new InfrastructureTable("match", Kind.EVENT_LOG)));

        assertEquals(List.of(Problem.in(Path.of("pom.xml"), "the event-log match of the build's infrastructureTables"
                + " maps to table match_events, as does contract match/log/match; give one of them another name"
                + " (x-artifact-metadata.persistence.table for a contract)")), plan.problems());
    }

    @Test
    void aRequiredNameNoPropertyDeclaresIsWarnedInAJsonbContractOnly() throws IOException {
        Path jsonb = Folders.write(contracts.resolve("crm/person/person.schema.json"), """
                {"properties": {"id": {"type": "string"}, "language": {"type": "string"}},
                 "required": ["id", "langauge", "nickname"]}
                """);
        Folders.write(contracts.resolve("crm/person/composed.schema.json"), """
                {"properties": {"id": {"type": "string"}}, "required": ["id", "nickname"],
                 "allOf": [{"properties": {"nickname": {"type": "string"}}}]}
                """);
        Folders.write(contracts.resolve("crm/person/typed.schema.json"), """
                {"properties": {"id": {"type": "string"}}, "required": ["langauge"],
                 "x-artifact-metadata": {"persistence": {"strategy": "relational"}}}
                """);

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        // The relational one is the type mapping's to refuse; the composed one may declare it in allOf.
        assertEquals(List.of(
                new Problem(jsonb, 2, 21, "/required/1: \"langauge\" is required but is not in properties (did you"
                        + " mean language?)"),
                new Problem(jsonb, 2, 33, "/required/2: \"nickname\" is required but is not in properties")),
                plan.warnings(MigrationIndex.scan(migrations)));
    }

    @Test
    void aRelationalContractWithAMetadataProblemHasItsTypeMappingsProblemsListedWithItInFileOrder()
            throws IOException {
        Path broken = Folders.write(contracts.resolve("crm/person/person.schema.json"), """
                {"properties": {"id": {"type": "string"}, "age": {"type": "intger"}},
                 "x-artifact-metadata": {"persistence": {"strategy": "relational",
                   "indexes": [{"fields": ["age"], "type": "btre"}]}},
                 "required": ["agee"]}
                """);

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        // The reader refused the index type; the type mapping, which did not run on it before, the rest.
        assertEquals(List.of(
                new Problem(broken, 1, 59, "/properties/age/type: unknown JSON Schema type \"intger\" (did you mean"
                        + " integer?)"),
                new Problem(broken, 3, 44, "/x-artifact-metadata/persistence/indexes/0/type: expected btree, gin,"
                        + " gist or hash, found \"btre\""),
                new Problem(broken, 4, 15, "/required/0: \"agee\" is required but is not in properties (did you mean"
                        + " age?)")),
                plan.problems());
        assertEquals(List.of(), plan.tables());
    }

    @Test
    void aValueTheReaderRefusedIsNotRefusedAgainByTheTypeMapping() throws IOException {
        Path broken = Folders.write(contracts.resolve("crm/person/person.schema.json"), """
                {"properties": {"id": {"type": "string"}, "age": {"type": "intger"}}, "required": "age",
                 "x-artifact-metadata": {"persistence": {"strategy": "relational"}}}
                """);
        // Its strategy unreadable, a contract may or may not be relational: only the reader's problems are told.
        Path misspelt = Folders.write(contracts.resolve("crm/person/pet.schema.json"), """
                {"properties": {"id": {"type": "string"}, "age": {"type": "intger"}},
                 "x-artifact-metadata": {"persistence": {"strategy": "relationl"}}}
                """);

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(
                new Problem(broken, 1, 59, "/properties/age/type: unknown JSON Schema type \"intger\" (did you mean"
                        + " integer?)"),
                new Problem(broken, 1, 83, "/required: expected an array of property names, found a string"),
                new Problem(misspelt, 2, 54, "/x-artifact-metadata/persistence/strategy: expected none, jsonb or"
                        + " relational, found \"relationl\" (did you mean relational?)")),
                plan.problems());
    }

    @Test
    void aContractWhoseIdNamesAnotherPlaceGetsAWarningOnTheTableLeftBehindAndTheWaysOn() throws IOException {
        Path moved = Folders.write(contracts.resolve("sales/order/order.schema.json"), """
                {"$id": "shop:order:order", "properties": {"id": {"type": "string"}}}
                """);
        Folders.write(migrations.resolve("20250101000000_orders.sql"), "create table shop_order_order (id text);\n");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of("sales_order_order"), plan.tables().stream().map(PlannedTable::table).toList());
        assertEquals(List.of(new Problem(moved, 1, 9, "/$id: shop:order:order, but the file lies in sales/order/,"
                + " where the $id would be sales:order:order. Its table is sales_order_order, not the"
                + " shop_order_order of the $id: if the contract moved, that table and its data are left behind. Keep them with"
                + " x-artifact-metadata.persistence.table \"shop_order_order\", or rename the table shop_order_order"
                + " to sales_order_order in a migration; then set $id to sales:order:order")),
                plan.warnings(MigrationIndex.scan(migrations)));
        assertEquals(List.of(moved), List.copyOf(plan.formerTables().keySet()));
        assertEquals("shop_order_order", plan.formerTables().get(moved).table());
    }

    @Test
    void aMovedContractWhoseOldTableWasRenamedToItsOwnIsOnlyToldToCorrectItsId() throws IOException {
        Path moved = Folders.write(contracts.resolve("sales/order/order.schema.json"), """
                {"$id": "shop:order:order", "properties": {"id": {"type": "string"}}}
                """);
        Folders.write(migrations.resolve("20250101000000_orders.sql"), "create table shop_order_order (id text);\n");
        Folders.write(migrations.resolve("20250102000000_moved.sql"),
                "alter table shop_order_order rename to sales_order_order;\n");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        List<Problem> idOnly = List.of(new Problem(moved, 1, 9, "/$id: shop:order:order, but the file lies in"
                + " sales/order/, where the $id would be sales:order:order; its table is sales_order_order, and no"
                + " migration leaves a table shop_order_order behind: set $id to sales:order:order"));
        assertEquals(idOnly, plan.warnings(MigrationIndex.scan(migrations)));
        Files.delete(migrations.resolve("20250101000000_orders.sql"));
        Files.delete(migrations.resolve("20250102000000_moved.sql"));
        assertEquals(idOnly, plan.warnings(MigrationIndex.scan(migrations)), "no migration ever made it");
    }

    @Test
    void aGeneratedTableWhoseContractIsGoneAndThatNoContractAsksForIsToldAtItsStatement() throws IOException {
        Folders.write(contracts.resolve("sales/order/order.schema.json"), """
                {"$id": "sales:order:order", "properties": {"id": {"type": "string"}}}
                """);
        Folders.write(contracts.resolve("shop/cart/cart.schema.json"), """
                {"properties": {"id": {"type": "string"}}, "x-artifact-metadata": {"persistence": {"strategy": "none"}}}
                """);
        Path moved = Folders.write(migrations.resolve("20250101000000_shop_order_order.sql"),
                "-- Generated from shop/order/order.schema.json\n-- Generation time: x\n\ncreate table shop_order_order"
                        + " (id text);\n");
        // Its contract is still there, though it asks for no table; and a hand-written table names no contract.
        Folders.write(migrations.resolve("20250102000000_shop_cart_cart.sql"),
                "-- Generated from shop/cart/cart.schema.json\ncreate table shop_cart_cart (id text);\n");
        Folders.write(migrations.resolve("20250103000000_audit.sql"), "create table audit_log (id text);\n");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(new Problem(moved, 4, 1, "shop_order_order was generated from"
                + " shop/order/order.schema.json, which is no contract any more, and no contract asks for the table: if the contract moved, name"
                + " shop_order_order in its x-artifact-metadata.persistence.table, or rename the table in a migration,"
                + " so that its rows are not left behind; if the table is no longer needed, drop it in a migration.")),
                plan.withoutContract(MigrationIndex.scan(migrations)));
        assertEquals(List.of(), plan.warnings(MigrationIndex.scan(migrations)));
    }

    @Test
    void aGeneratedTableWhoseContractAGuessingRuleNowKeepsFromATableIsToldButOneSaidToNeedNoneIsNot()
            throws IOException {
        // No id property any more, and the aspect ends in -ed: read as an event.
        Folders.write(contracts.resolve("shop/order/shipped.schema.json"), """
                {"properties": {"orderId": {"type": "string"}}}
                """);
        Folders.write(contracts.resolve("shop/order/internal.schema.json"), """
                {"properties": {"id": {"type": "string"}}, "x-artifact-metadata": {"to": "internal"}}
                """);
        Path shipped = Folders.write(migrations.resolve("20250101000000_shop_order_shipped.sql"),
                "-- Generated from shop/order/shipped.schema.json\ncreate table shop_order_shipped (id text);\n");
        Folders.write(migrations.resolve("20250102000000_shop_order_internal.sql"),
                "-- Generated from shop/order/internal.schema.json\ncreate table shop_order_internal (id text);\n");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(new Problem(shipped, 2, 1, "shop_order_shipped was generated from"
                        + " shop/order/shipped.schema.json, which now needs no table (an event: the aspect ends in 'ed'"
                        + " and there is no id property), and no contract asks for the table: if it still holds data,"
                        + " set its x-artifact-metadata.persistence.strategy to jsonb or relational; if the table is no"
                        + " longer needed, drop it in a migration.")),
                plan.withoutContract(MigrationIndex.scan(migrations)));
    }

    @Test
    void aContractThatKeepsItsTableByNameIsOnlyToldToCorrectItsId() throws IOException {
        Path moved = Folders.write(contracts.resolve("sales/order/order.schema.json"), """
                {"$id": "shop:order:order", "properties": {"id": {"type": "string"}},
                 "x-artifact-metadata": {"persistence": {"table": "shop_order_order"}}}
                """);

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(new Problem(moved, 1, 9, "/$id: shop:order:order, but the file lies in sales/order/,"
                + " where the $id would be sales:order:order; its table is shop_order_order either way: set $id to"
                + " sales:order:order")), plan.warnings(MigrationIndex.scan(migrations)));
        assertEquals(Map.of(), plan.formerTables());
    }

    @Test
    void anIdOfTheContractsOwnPlaceOrOfAnotherFormIsNoWarning() throws IOException {
        Folders.write(contracts.resolve("game/match/round/round.schema.json"),
                "{\"$id\": \"game:match:round\", \"properties\": {\"id\": {}}}");
        Folders.write(contracts.resolve("billing/invoice/line-item.schema.json"),
                "{\"$id\": \"billing:invoice:line_item\", \"properties\": {\"id\": {}}}");
        Folders.write(contracts.resolve("shop/cart/cart.schema.json"),
                "{\"$id\": \"https://example.com:443/shop/cart\", \"properties\": {\"id\": {}}}");
        Folders.write(contracts.resolve("shop/cart/item.schema.json"),
                "{\"$id\": \"cart-item\", \"properties\": {\"id\": {}}}");
        // URIs of three parts: a URN, a tag URI.
        Folders.write(contracts.resolve("shop/order/order.schema.json"),
                "{\"$id\": \"urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66\", \"properties\": {\"id\": {}}}");
        Folders.write(contracts.resolve("shop/order/line.schema.json"),
                "{\"$id\": \"URN:example:order-line\", \"properties\": {\"id\": {}}}");
        Folders.write(contracts.resolve("shop/order/refund.schema.json"),
                "{\"$id\": \"tag:example.com,2024:refund\", \"properties\": {\"id\": {}}}");
        // Not persistent: no table is left behind.
        Folders.write(contracts.resolve("shop/cart/added.schema.json"),
                "{\"$id\": \"shop:basket:added\", \"properties\": {\"at\": {}}}");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(7, plan.tables().size());
        assertEquals(List.of(), plan.warnings(MigrationIndex.scan(migrations)));
    }

    @Test
    void aContractWithTheIdOfAnEarlierOneOfAnotherFormIsWarnedAtItsIdNamingThatOne() throws IOException {
        // Read in path order: shop/order before shop/sales; shop/cart/added (no table) before shop/cart/cart.
        Folders.write(contracts.resolve("shop/order/order.schema.json"),
                "{\"$id\": \"https://example.com/schemas/order\", \"properties\": {\"id\": {}}}");
        Path copy = Folders.write(contracts.resolve("shop/sales/order.schema.json"),
                "{\"$id\": \"https://example.com/schemas/order\", \"properties\": {\"id\": {}}}");
        Folders.write(contracts.resolve("shop/cart/added.schema.json"),
                "{\"$id\": \"urn:example:cart\", \"properties\": {\"at\": {}}}");
        Path cart = Folders.write(contracts.resolve("shop/cart/cart.schema.json"),
                "{\n  \"$id\": \"urn:example:cart\", \"properties\": {\"id\": {}}}");
        // An id of its own; and two contracts of one key in nested folders, the first named by its path too.
        Folders.write(contracts.resolve("shop/order/line.schema.json"),
                "{\"$id\": \"https://example.com/schemas/order-line\", \"properties\": {\"id\": {}}}");
        String refund = "{\"$id\": \"refund\", \"properties\": {\"id\": {}},"
                + " \"x-artifact-metadata\": {\"persistence\": {\"table\": \"%s\"}}}";
        Folders.write(contracts.resolve("shop/refund/a/refund.schema.json"), refund.formatted("refund_a"));
        Path nested = Folders.write(contracts.resolve("shop/refund/b/refund.schema.json"),
                refund.formatted("refund_b"));

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        String copied = ": a copied contract keeps its original's $id; give it its own";
        assertEquals(List.of(
                new Problem(cart, 2, 10, "/$id: the same $id as contract shop/cart/added" + copied),
                new Problem(nested, 1, 9, "/$id: the same $id as contract shop/refund/refund"
                        + " (shop/refund/a/refund.schema.json)" + copied),
                new Problem(copy, 1, 9, "/$id: the same $id as contract shop/order/order" + copied)),
                plan.warnings(MigrationIndex.scan(migrations)));
        assertEquals(List.of(), plan.problems());
    }

    @Test
    void aContractWithTheIdOfAnotherOfTheFormOfFoldersIsToldOnceByTheComparisonWithItsFolders() throws IOException {
        Folders.write(contracts.resolve("shop/order/order.schema.json"),
                "{\"$id\": \"shop:order:order\", \"properties\": {\"id\": {}}}");
        Path copy = Folders.write(contracts.resolve("shop/order/invoice.schema.json"),
                "{\"$id\": \"shop:order:order\", \"properties\": {\"id\": {}}}");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(new Problem(copy, 1, 9, "/$id: shop:order:order, but the file lies in shop/order/, where"
                + " the $id would be shop:order:invoice; the table of that $id, shop_order_order, is the one of"
                + " contract shop/order/order: set $id to shop:order:invoice")),
                plan.warnings(MigrationIndex.scan(migrations)));
    }

    @Test
    void aTableNameOfFoldersTooLongIsShortenedWithAWarning() {
        Path longAspect = Folders.write(contracts.resolve("shop/order/" + "y".repeat(60) + ".schema.json"),
                "{\"properties\": {\"id\": {}}}");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        String table = plan.tables().get(0).table();
        assertEquals(List.of(Problem.in(longAspect, "table name longer than 63 bytes, shortened to " + table)),
                plan.warnings(MigrationIndex.scan(migrations)));
        assertTrue(table.length() <= 63 && table.startsWith("shop_order_yyy"), table);
    }

    private Path contract(String relativePath, String table) throws IOException {
        return Folders.write(contracts.resolve(relativePath), """
                {"properties": {"id": {"type": "string"}},
                 "x-artifact-metadata": {"persistence": {"strategy": "jsonb", "table": "%s"}}}
                """.formatted(table));
    }
}
