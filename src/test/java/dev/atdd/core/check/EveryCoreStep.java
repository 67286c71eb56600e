package dev.atdd.core.check;

import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.generate.GenerationReport;
import dev.atdd.core.generate.GenerationRequest;
import dev.atdd.core.generate.MigrationGenerator;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.SqlTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What check-coverage, check-todos and generate-migrations do with a project, from contracts to
 * reports: for {@link NoObjectMapperTest}, which runs it in a class loader of its own. The relational
 * contracts, one covered and one generated, hold what review notes quote (bounds, a default object,
 * an enum, an array).
 */
public final class EveryCoreStep implements Function<Path, String> {

    private static final String RELATIONAL = """
            {"properties": {
              "id": {"type": "string", "format": "uuid"},
              "quantity": {"type": "integer", "minimum": 1, "maximum": 99, "default": 1},
              "options": {"type": "object", "default": {"gift": false, "note": "a \\"quoted\\" word"}},
              "status": {"type": "string", "enum": ["open", "closed"], "maxLength": 10},
              "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1}},
             "required": ["id"],
             "x-artifact-metadata": {"persistence": {"strategy": "relational"}}}
            """;

    @Override
    public String apply(Path project) {
        try {
            CheckProject.contract(project, "shop/orders/order", RELATIONAL);
            CheckProject.contract(project, "shop/orders/refund", RELATIONAL);
            CheckProject.contract(project, "shop/orders/invoice", CheckProject.WITH_ID);
            CheckProject.migration(project, "20240101000000_orders.sql",
                    "CREATE TABLE shop_orders_order (id uuid PRIMARY KEY);\n-- ⚠️ TODO: review the key\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TablePlan plan = TablePlan.of(ContractCatalog.load(project.resolve("contracts")), Strategy.JSONB, List.of());
        MigrationIndex index = MigrationIndex.scan(project.resolve("supabase/migrations"));
        CoverageReport coverage = CoverageReport.of(plan, new TableLookup(index, Set.of()));
        coverage.describe(project);
        JsonReport.write(project.resolve("target/coverage.json"), JsonReport.of(coverage, project));
        TodoReport todos = TodoReport.of(index);
        todos.describe(project, project.resolve("target/todos.json"));
        JsonReport.write(project.resolve("target/todos.json"), JsonReport.of(todos, project));
        GenerationReport generated = new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(
                new GenerationRequest(project.resolve("contracts"), project.resolve("supabase/migrations"),
                        Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(), false));
        return coverage.missing().size() + " missing, " + coverage.covered().size() + " covered, "
                + todos.total() + " TODO, " + generated.written().size() + " generated";
    }
}
