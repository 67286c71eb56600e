package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.Problem;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.plan.PlannedTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReportTest {

    private static final String WITH_ID = CheckProject.WITH_ID;
    private static final String EVENT = CheckProject.EVENT;

    @TempDir
    Path project;

    @Test
    void theMissingTablesAreSortedBySourceAndTheCoveredSayWhatCoversThem() throws IOException {
        contract("zoo/keeper/visit", WITH_ID);
        contract("app/billing/invoice", WITH_ID);
        contract("app/billing/payment", WITH_ID);
        contract("shop/cart/cart", WITH_ID);
        migration("20250101000000_cart.sql", "\n\nCREATE TABLE IF NOT EXISTS \"shop_cart_cart\" (id int);\n");

        CoverageReport report = report(Set.of("app_billing_payment"), new InfrastructureTable("match",
                InfrastructureTable.Kind.CACHE));

        assertEquals(List.of("app/billing/invoice", "cache match", "zoo/keeper/visit"),
                report.missing().stream().map(PlannedTable::source).toList());
        assertEquals(Map.of("app_billing_payment", "existingTables", "shop_cart_cart", "20250101000000_cart.sql:3"),
                report.covered().stream().collect(Collectors.toMap(c -> c.table().table(), c -> c.coveredBy())));
        assertFalse(report.passed());
    }

    @Test
    void theFailureListsEachMissingTableCountsTheSkippedAndNamesTheCommand() throws IOException {
        contract("zoo/keeper/visit", WITH_ID);
        contract("app/billing/invoice", WITH_ID);
        contract("app/billing/charged", EVENT);
        contract("app/billing/refunded", EVENT);

        String text = report(Set.of()).describe(project);

        assertEquals("""
                2 persistent contracts have no table:
                  app/billing/invoice → table: app_billing_invoice
                  zoo/keeper/visit → table: zoo_keeper_visit
                2 other contracts need no table (not persistent) and were skipped.
                Generate the missing migrations with: mvn atdd:generate-migrations
                A table that exists under another name: name it in x-artifact-metadata.persistence.table; one that another module or tool creates: list it in existingTables.""", text);
    }

    @Test
    void aMovedContractWhoseOldTableExistsIsToldTheWaysOnNotToGenerate() throws IOException {
        // generate-migrations refuses its table: sending the user there would go round in a circle.
        contract("sales/order/order",
                "{\"$id\": \"shop:order:order\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
        migration("20250101000000_order.sql", "create table shop_order_order (id text);\n");

        String text = report(Set.of()).describe(project);

        assertEquals("""
                1 persistent contract has no table:
                  sales/order/order → table: sales_order_order
                1 of them is not generated, as its table was made under another name, moved or removed:
                  contracts/sales/order/order.schema.json: generate-migrations writes no table sales_order_order for \
                it: the table of its $id, shop_order_order, exists (made by 20250101000000_order.sql:1), and a \
                second, empty table would leave that table and its data behind. Keep them with \
                x-artifact-metadata.persistence.table "shop_order_order", or rename the table shop_order_order \
                to sales_order_order in a migration; then set $id to sales:order:order""",
                text);
    }

    @Test
    void aTableAMigrationRenamedOrDroppedIsToldWhereItWentNotToGenerate() throws IOException {
        contract("shop/catalog/product", WITH_ID);
        contract("shop/parcel/tracking", WITH_ID);
        migration("20250101000000_make.sql", "create table shop_catalog_product (id text);\n"
                + "create table shop_parcel_tracking (id text);\n");
        migration("20250102000000_tidy.sql", "-- the team's own\nalter table shop_catalog_product rename to"
                + " shop_catalog_item;\ndrop table shop_parcel_tracking;\n");

        String text = report(Set.of()).describe(project);

        assertEquals("""
                2 persistent contracts have no table:
                  shop/catalog/product → table: shop_catalog_product
                  shop/parcel/tracking → table: shop_parcel_tracking
                2 of them are not generated, as their tables were made under another name, moved or removed:
                  contracts/shop/catalog/product.schema.json: generate-migrations writes no table \
                shop_catalog_product for it: it was renamed to shop_catalog_item by 20250102000000_tidy.sql:2, and \
                making it again, empty, would leave its rows behind in shop_catalog_item. If shop_catalog_item is its \
                table now, name it in x-artifact-metadata.persistence.table. If the contract needs no table any \
                more, delete it or set x-artifact-metadata.persistence.strategy to none; if the table must come back \
                as it was, write the migration that makes it yourself (if something the migrations do not show \
                makes it again, list it in existingTables).
                  contracts/shop/parcel/tracking.schema.json: generate-migrations writes no table \
                shop_parcel_tracking for it: it was dropped by 20250102000000_tidy.sql:3, and making it again, \
                empty, would undo that. If the contract needs no table any more, delete it or set \
                x-artifact-metadata.persistence.strategy to none; if the table must come back as it was, write the \
                migration that makes it yourself (if something the migrations do not show makes it again, list it \
                in existingTables).""", text);
    }

    @Test
    void aTableRenamedToTheTableOfAnotherContractIsNotOfferedAsItsOwn() throws IOException {
        contract("shop/catalog/product", WITH_ID);
        contract("shop/catalog/item", WITH_ID);
        migration("20250101000000_make.sql", "create table shop_catalog_product (id text);\n"
                + "alter table shop_catalog_product rename to shop_catalog_item;\n");

        CoverageReport report = report(Set.of());

        assertEquals(1, report.leftBehind().size());
        String refusal = report.leftBehind().get(0).message();
        assertTrue(refusal.contains("shop_catalog_item is the table of shop/catalog/item. If the contract needs no"
                + " table any more"), refusal);
        assertFalse(refusal.contains("name it in x-artifact-metadata.persistence.table"), refusal);
    }

    @Test
    void aDropInADoBlockIsNotFollowedSoTheTableIsStillCovered() throws IOException {
        // Which branch of a DO block runs is not known: the table may well still be there.
        contract("shop/parcel/tracking", WITH_ID);
        migration("20250101000000_make.sql", "create table shop_parcel_tracking (id text);\n");
        migration("20250102000000_maybe.sql", "do $$ begin if false then drop table shop_parcel_tracking; end if;"
                + " end $$;\n");

        CoverageReport report = report(Set.of());

        assertTrue(report.passed(), report.describe(project));
        assertTrue(report.leftBehind().isEmpty(), report.describe(project));
    }

    @Test
    void oneMissingAndOneSkippedAreSingular() throws IOException {
        contract("app/billing/invoice", WITH_ID);
        contract("app/billing/refunded", EVENT);

        String text = report(Set.of()).describe(project);

        assertTrue(text.startsWith("1 persistent contract has no table:\n"), text);
        assertTrue(text.contains("\n1 other contract needs no table (not persistent) and was skipped.\n"), text);
    }

    @Test
    void everythingCoveredPasses() throws IOException {
        contract("app/billing/invoice", WITH_ID);
        contract("app/billing/refunded", EVENT);
        migration("20250101000000_invoice.sql", "create table public.app_billing_invoice (id int);\n");

        CoverageReport report = report(Set.of());

        assertTrue(report.passed());
        assertEquals(List.of(), report.missing());
        assertEquals(1, report.notPersistent().size());
    }

    @Test
    void persistenceMigrationMustNameTheFileThatCreatesTheTable() throws IOException {
        contract("app/billing/invoice", migrationNamed("supabase/migrations/20250101000000_invoice.sql"));
        contract("app/billing/payment", migrationNamed("20250101000000_invoice.sql"));
        contract("app/billing/refund", migrationNamed("20250101000000_refund.sql"));
        contract("app/billing/note", migrationNamed("20250101000000_anything.sql"));
        migration("20250101000000_invoice.sql", "create table app_billing_invoice (id int);\n"
                + "create table app_billing_payment (id int);\n\ncreate table app_billing_refund (id int);\n");
        // Listed as made elsewhere: which file makes it here says nothing of the contract's claim.
        migration("20250102000000_note.sql", "create table if not exists app_billing_note (id int);\n");

        CoverageReport report = report(Set.of("app_billing_note"));

        assertFalse(report.passed());
        assertEquals("""
                1 contract names another migration than the one that creates its table:
                  contracts/app/billing/refund.schema.json:1:55: /x-artifact-metadata/persistence/migration: names \
                20250101000000_refund.sql, but app_billing_refund is created by 20250101000000_invoice.sql:4; name \
                that file, or remove persistence.migration""", report.describe(project));
    }

    private static String migrationNamed(String migration) {
        return "{\"x-artifact-metadata\": {\"persistence\": {\"migration\": \"" + migration + "\"}},"
                + " \"properties\": {\"id\": {\"type\": \"string\"}}}";
    }

    @Test
    void anIndexOfACoveredContractThatCannotBeMadeFailsTheCheckAtItsPlace() throws IOException {
        contract("shop/cart/cart", """
                {"properties": {"id": {"type": "string"}, "code": {"type": "string"}},
                 "x-artifact-metadata": {"persistence": {"indexes": [{"type": "btree", "fields": ["cdoe"]}]}}}
                """);
        migration("20250101000000_cart.sql", "create table shop_cart_cart (id uuid primary key, data jsonb);\n");

        CoverageReport report = report(Set.of());

        // Its table exists: generation, which refuses the index, would never run for it.
        assertEquals(List.of(), report.missing());
        assertFalse(report.passed());
        assertEquals(1, report.unbuildableIndexes().size(), report.describe(project));
        assertTrue(report.describe(project).startsWith("1 index a contract asks for cannot be made:\n"
                + "  contracts/shop/cart/cart.schema.json:2:83: /x-artifact-metadata/persistence/indexes/0/fields/0:"
                + " field 'cdoe' is not a property of the contract (did you mean code?)\n"),
                report.describe(project));
        assertTrue(report.describe(project).endsWith("Fix the indexes above in their contracts."),
                report.describe(project));
    }

    @Test
    void unmappablePropertiesFailWithTheirPlaceAndNoGenerateHint() {
        Path contract = project.resolve("contracts/app/billing/invoice.schema.json");
        CoverageReport report = new CoverageReport(List.of(), List.of(), List.of(),
                List.of(Problem.in(contract, "/properties/amount: type \"decimal\" has no column type")), List.of(),
                List.of(), List.of());

        assertFalse(report.passed());
        assertEquals("""
                1 problem of a relational contract keeps the type mapping from making its columns:
                  contracts/app/billing/invoice.schema.json: /properties/amount: type "decimal" has no column type
                Fix the contracts above (or use persistence.strategy jsonb).""", report.describe(project));
    }

    @Test
    void aMissingTableWhoseContractCannotBeMappedIsNotSentToTheGenerator() throws IOException {
        contract("app/billing/label", "{\"x-artifact-metadata\": {\"persistence\":"
                + " {\"strategy\": \"relational\"}}, \"properties\": {\"text\": {\"type\": \"txt\"}}}");

        String alone = report(Set.of()).describe(project);

        assertTrue(alone.startsWith("1 persistent contract has no table:\n"
                + "  app/billing/label → table: app_billing_label\n"
                + "1 problem of a relational contract keeps the type mapping from making its columns:\n"), alone);
        assertFalse(alone.contains("Generate the missing migrations"), alone);
        assertTrue(alone.endsWith("Fix the contracts above (or use persistence.strategy jsonb)."), alone);

        contract("app/billing/invoice", WITH_ID);

        String withAnother = report(Set.of()).describe(project);

        // The run stops on the label contract, unless told to write what it can.
        assertTrue(withAnother.contains("\nGenerate the missing migrations with: mvn atdd:generate-migrations (once"
                + " the problems above are resolved, or with -Datdd.writeValidContracts=true)\n"), withAnother);
        assertTrue(withAnother.endsWith("Fix the contracts above (or use persistence.strategy jsonb)."), withAnother);
    }

    @Test
    void aMissingInfrastructureTableIsToldAsOneOfTheBuildAndGetsNoContractsAdvice() {
        String text = report(Set.of(), new InfrastructureTable("match", InfrastructureTable.Kind.EVENT_LOG))
                .describe(project);

        assertEquals("""
                1 infrastructure table of the build is missing:
                  event-log match → table: match_events
                Generate the missing migrations with: mvn atdd:generate-migrations
                A table that another module or tool creates: list it in existingTables.""", text);
    }

    private CoverageReport report(Set<String> existingTables, InfrastructureTable... declared) {
        return CheckProject.coverage(project, existingTables, declared);
    }

    private void contract(String key, String json) throws IOException {
        CheckProject.contract(project, key, json);
    }

    private void migration(String name, String sql) throws IOException {
        CheckProject.migration(project, name, sql);
    }
}
