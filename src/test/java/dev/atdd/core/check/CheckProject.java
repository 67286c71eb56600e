package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.testing.Folders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A project folder for the check tests: contracts and migrations written by the test, then checked. */
final class CheckProject {

    /** Persistent (rule: has an id property). */
    static final String WITH_ID = "{\"properties\": {\"id\": {\"type\": \"string\"}}}";
    /** Not persistent when the aspect ends in {@code ed} (rule: an event). */
    static final String EVENT = "{\"properties\": {\"timestamp\": {\"type\": \"string\"}}}";

    private CheckProject() {
    }

    /** Writes {@code contracts/{key}.schema.json}, {@code key} being {@code theme/domain/aspect}. */
    static void contract(Path project, String key, String json) throws IOException {
        Folders.write(project.resolve("contracts/" + key + ".schema.json"), json);
    }

    static void migration(Path project, String name, String sql) throws IOException {
        Folders.write(project.resolve("supabase/migrations/" + name), sql);
    }

    /** The coverage of the project's contracts (default strategy jsonb) and declared tables. */
    static CoverageReport coverage(Path project, Set<String> existingTables, InfrastructureTable... declared) {
        TablePlan plan = TablePlan.of(ContractCatalog.load(project.resolve("contracts")), Strategy.JSONB,
                List.of(declared));
        assertEquals(List.of(), plan.problems());
        MigrationIndex index = MigrationIndex.scan(project.resolve("supabase/migrations"));
        return CoverageReport.of(plan, new TableLookup(index, existingTables));
    }

}
