package dev.atdd.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atdd.core.Problem;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.infrastructure.InfrastructureTable.Kind;
import dev.atdd.testing.Folders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two things that ask for one table are a problem naming both, in words the user can find. */
class TablePlanTest {

    @TempDir
    Path contracts;

    @Test
    void twoContractsAskingForOneTableAreAProblemOfTheSecondNamingTheFirst() throws IOException {
        // Contracts are read in path order: legacy, then order.
        contract("shop/order/legacy.schema.json", "orders");
        Path second = contract("shop/order/order.schema.json", "orders");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of());

        assertEquals(List.of(Problem.in(second, "maps to table orders, as does contract shop/order/legacy; give one of them"
                + " another name (x-artifact-metadata.persistence.table for a contract)")), plan.problems());
    }

    @Test
    void oneInfrastructureTableDeclaredTwiceIsAProblemOfTheBuildFile() {
        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB,
                List.of(new InfrastructureTable("jobs", Kind.QUEUE), new InfrastructureTable("jobs_jobs", Kind.QUEUE)));

        assertEquals(List.of(Problem.in(Path.of("pom.xml"), "maps to table jobs_jobs, as does the queue jobs of the"
                + " build's infrastructureTables; give one of them another name (x-artifact-metadata.persistence.table"
                + " for a contract)")), plan.problems());
    }

    @Test
    void aDeclaredTableTakingAContractsTableIsAProblemOfTheBuildFile() throws IOException {
        contract("match/log/match.schema.json", "match_events");

        TablePlan plan = TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB,
                List.of(new InfrastructureTable("match", Kind.EVENT_LOG)));

        assertEquals(List.of(Problem.in(Path.of("pom.xml"), "maps to table match_events, as does contract match/log/match;"
                + " give one of them another name (x-artifact-metadata.persistence.table for a contract)")),
                plan.problems());
    }

    private Path contract(String relativePath, String table) throws IOException {
        return Folders.write(contracts.resolve(relativePath), """
                {"properties": {"id": {"type": "string"}},
                 "x-artifact-metadata": {"persistence": {"strategy": "jsonb", "table": "%s"}}}
                """.formatted(table));
    }
}
