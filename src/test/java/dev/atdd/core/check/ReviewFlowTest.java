package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.generate.GenerationReport;
import dev.atdd.core.generate.GenerationRequest;
import dev.atdd.core.generate.MigrationGenerator;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.SqlTemplates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of a relational contract as the checks see it: uncovered, then generated with TODOs,
 * then reviewed (the TODO lines removed), then clean.
 */
class ReviewFlowTest {

    @TempDir
    Path project;

    @Test
    void uncoveredThenUnreviewedThenClean() throws Exception {
        Path contracts = project.resolve("contracts");
        Path migrations = project.resolve("supabase/migrations");
        Files.createDirectories(contracts.resolve("billing/invoice"));
        Files.writeString(contracts.resolve("billing/invoice/line-item.schema.json"), """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "amount": {"type": "number"}}}
                """);

        CoverageReport before = coverage(contracts, migrations);
        assertFalse(before.passed());
        assertEquals(List.of("billing_invoice_line_item"), before.missing().stream().map(t -> t.table()).toList());
        assertTrue(before.describe(project).contains("billing/invoice/line-item → table: billing_invoice_line_item"));

        GenerationReport generated = new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(
                new GenerationRequest(contracts, migrations, Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(),
                        false));
        Path migration = generated.written().get(0).file();

        assertTrue(coverage(contracts, migrations).passed());
        TodoReport unreviewed = TodoReport.of(MigrationIndex.scan(migrations));
        assertFalse(unreviewed.passed());
        List<String> lines = Files.readAllLines(migration, StandardCharsets.UTF_8);
        int firstTodoLine = lines.indexOf(lines.stream().filter(l -> l.contains("⚠️ TODO:")).findFirst().orElseThrow()) + 1;
        assertEquals(firstTodoLine, unreviewed.files().get(0).todos().get(0).line());
        String described = unreviewed.describe(project, project.resolve("target/atdd/check-todos.json"));
        assertTrue(described.contains(project.relativize(migration) + ":" + firstTodoLine
                + ": Add foreign key constraints (one to a table that a later migration creates goes in a migration after that one)"), described);
        assertTrue(described.contains("; in a generated table, review:\n  - foreign keys between tables\n"), described);

        // The reviewer resolves each item and deletes the TODO lines.
        Files.writeString(migration, lines.stream().filter(l -> !l.contains("TODO:"))
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);

        assertTrue(TodoReport.of(MigrationIndex.scan(migrations)).passed());
        assertTrue(coverage(contracts, migrations).passed());
    }

    private static CoverageReport coverage(Path contracts, Path migrations) {
        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());
        return CoverageReport.of(plan, new TableLookup(MigrationIndex.scan(migrations), Set.of()));
    }
}
