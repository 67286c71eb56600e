package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.Problem;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.verify.Drift;
import dev.atdd.core.verify.RowLevelSecurityCheck;
import dev.atdd.core.verify.UnprotectedTable;
import dev.atdd.core.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    @Test
    void aPassingCoverageReportHoldsEveryListEmpty() throws IOException {
        Files.createDirectories(project.resolve("contracts"));
        CheckProject.migration(project, "20250101000000_a.sql", "create table a (id int);\n");

        JsonNode report = written("check-coverage.json",
                JsonReport.of(CheckProject.coverage(project, Set.of()), project));

        assertEquals("check-coverage", report.get("goal").asText());
        assertTrue(report.get("passed").asBoolean());
        for (String list : List.of("missing", "covered", "notPersistent", "unmappable", "wrongMigration",
                "notGenerated")) {
            assertTrue(report.get(list).isArray(), list);
            assertEquals(0, report.get(list).size(), list);
        }
    }

    @Test
    void aFailingCoverageReportNamesEachTableItsFileAndWhatCoversTheOthers() throws IOException {
        CheckProject.contract(project, "app/billing/invoice", CheckProject.WITH_ID);
        CheckProject.contract(project, "app/billing/refunded", CheckProject.EVENT);
        CoverageReport coverage = CheckProject.coverage(project, Set.of("match_events"),
                new InfrastructureTable("match", InfrastructureTable.Kind.EVENT_LOG));

        JsonNode report = written("check-coverage.json", JsonReport.of(coverage, project));

        assertFalse(report.get("passed").asBoolean());
        JsonNode missing = report.get("missing");
        assertEquals(1, missing.size());
        assertEquals("app/billing/invoice", missing.get(0).get("source").asText());
        assertEquals("app_billing_invoice", missing.get(0).get("table").asText());
        assertEquals("contracts/app/billing/invoice.schema.json", missing.get(0).get("file").asText());
        JsonNode covered = report.get("covered").get(0);
        assertEquals("event-log match", covered.get("source").asText());
        assertEquals("existingTables", covered.get("coveredBy").asText());
        assertFalse(covered.has("file"), "a declared table has no contract file");
        JsonNode skipped = report.get("notPersistent").get(0);
        assertEquals("app/billing/refunded", skipped.get("contract").asText());
        assertEquals("contracts/app/billing/refunded.schema.json", skipped.get("file").asText());
        assertTrue(skipped.get("reason").asText().contains("event"), skipped.toString());
    }

    @Test
    void aMissingTableAMigrationRenamedIsListedAsNotGeneratedWithWhy() throws IOException {
        CheckProject.contract(project, "shop/catalog/product", CheckProject.WITH_ID);
        CheckProject.migration(project, "20250101000000_a.sql", "create table shop_catalog_product (id text);\n"
                + "alter table shop_catalog_product rename to shop_catalog_item;\n");

        JsonNode report = written("check-coverage.json",
                JsonReport.of(CheckProject.coverage(project, Set.of()), project));

        assertEquals("shop_catalog_product", report.get("missing").get(0).get("table").asText());
        assertEquals(1, report.get("notGenerated").size());
        assertTrue(report.get("notGenerated").get(0).asText().startsWith("contracts/shop/catalog/product.schema.json:"
                + " generate-migrations writes no table shop_catalog_product for it: it was renamed to"
                + " shop_catalog_item by 20250101000000_a.sql:2"), report.get("notGenerated").toString());
    }

    @Test
    void unmappablePropertiesAreListedAsTheBuildShowsThem() throws IOException {
        Problem problem = Problem.in(project.resolve("contracts/a/b/c.schema.json"), "/properties/x: no type");
        Problem index = Problem.in(project.resolve("contracts/a/b/c.schema.json"), "/x: no such field");
        CoverageReport coverage = new CoverageReport(List.of(), List.of(), List.of(), List.of(problem), List.of(),
                List.of(), List.of(index));

        JsonNode report = written("check-coverage.json", JsonReport.of(coverage, project));

        assertEquals("contracts/a/b/c.schema.json: /properties/x: no type", report.get("unmappable").get(0).asText());
        assertEquals("contracts/a/b/c.schema.json: /x: no such field",
                report.get("unbuildableIndexes").get(0).asText());
    }

    @Test
    void aPassingTodoReportHoldsAnEmptyFileList() throws IOException {
        JsonNode report = written("check-todos.json", JsonReport.of(new TodoReport(List.of()), project));

        assertEquals("check-todos", report.get("goal").asText());
        assertTrue(report.get("passed").asBoolean());
        assertEquals(0, report.get("total").asInt());
        assertTrue(report.get("files").isArray());
        assertEquals(0, report.get("files").size());
    }

    @Test
    void aFailingTodoReportListsEachFileWithItsTodos() throws IOException {
        TodoReport todos = new TodoReport(List.of(TodoReportTest.file(1, 2)));

        JsonNode report = written("check-todos.json", JsonReport.of(todos, TodoReportTest.BASE));

        assertFalse(report.get("passed").asBoolean());
        assertEquals(2, report.get("total").asInt());
        JsonNode file = report.get("files").get(0);
        assertEquals("supabase/migrations/20250101000001_t1.sql", file.get("file").asText());
        assertEquals(2, file.get("count").asInt());
        assertEquals(2, file.get("todos").get(1).get("line").asInt());
        assertEquals(4, file.get("todos").get(1).get("column").asInt());
        assertEquals("todo 2", file.get("todos").get(1).get("text").asText());
    }

    @Test
    void theFileIsWrittenIntoANewFolderWithLineFeedsAndAFinalNewline() throws IOException {
        Path file = project.resolve("target/atdd/check-todos.json");

        JsonReport.write(file, JsonReport.of(new TodoReport(List.of()), project));

        String text = Files.readString(file);
        assertTrue(text.endsWith("}\n"), text);
        assertFalse(text.contains("\r"), text);
        assertTrue(text.contains("\"files\" : [ ]"), text);
    }

    @Test
    void aVerificationReportTakesPassedAndTheUnprotectedTablesFromTheVerdict() throws IOException {
        Path cart = project.resolve("contracts/shop/cart/cart.schema.json");
        VerificationReport verification = new VerificationReport(
                List.of(project.resolve("supabase/migrations/20250101000000_cart.sql")),
                List.of(new Drift("shop_cart_cart", Optional.of("total"), Optional.empty(), "contract says number"
                                + " (NUMERIC NULL), table has no such column", Optional.of(cart)),
                        new Drift("shop_cart_cart", Optional.empty(), Optional.of("idx_shop_cart_cart_owner"),
                                "contract asks for index idx_shop_cart_cart_owner (BTREE on owner), table has no such"
                                        + " index", Optional.of(cart))),
                List.of(new UnprotectedTable("shop_cart_cart", Optional.empty(), Optional.empty())), Set.of(),
                Map.of());

        JsonNode checked = written("verify-migrations.json", JsonReport.of(verification,
                verification.verdict(RowLevelSecurityCheck.WARN, false, project), project));
        JsonNode off = written("verify-migrations.json", JsonReport.of(verification,
                verification.verdict(RowLevelSecurityCheck.OFF, true, project), project));

        assertTrue(checked.get("passed").asBoolean());
        assertEquals("supabase/migrations/20250101000000_cart.sql", checked.get("applied").get(0).asText());
        assertEquals("total", checked.get("drift").get(0).get("column").asText());
        assertEquals("contracts/shop/cart/cart.schema.json", checked.get("drift").get(0).get("contract").asText());
        assertFalse(checked.get("drift").get(0).has("index"));
        assertFalse(checked.get("drift").get(1).has("column"));
        assertEquals("idx_shop_cart_cart_owner", checked.get("drift").get(1).get("index").asText());
        assertEquals("shop_cart_cart", checked.get("withoutRowLevelSecurity").get(0).asText());
        assertFalse(off.get("passed").asBoolean());
        assertEquals(0, off.get("withoutRowLevelSecurity").size());
    }

    private JsonNode written(String name, ObjectNode report) throws IOException {
        Path file = project.resolve("target/atdd").resolve(name);
        JsonReport.write(file, report);
        return JSON.readTree(file.toFile());
    }
}
