package dev.atdd.core.generate;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.PersistenceDecision;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.MigrationVersion;
import dev.atdd.core.naming.TableName;
import dev.atdd.core.render.InfrastructureTableModel;
import dev.atdd.core.render.JsonbTableModel;
import dev.atdd.core.render.RelationalTableModel;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.core.render.TableShape;
import dev.atdd.core.types.TypeMapping;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the migrations that are missing: one per persistent contract, and one per declared
 * infrastructure table, whose table no migration creates yet.
 *
 * <p>All or nothing: every contract is read, named and rendered before the first file is written,
 * and any problem anywhere stops the run with all problems listed and nothing written.
 */
public final class MigrationGenerator {

    private final SqlTemplates templates;
    private final Clock clock;

    public MigrationGenerator(SqlTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException listing every problem of the input; nothing has been written then
     */
    public GenerationReport generate(GenerationRequest request) {
        ContractCatalog catalog = request.contract()
                .map(file -> ContractCatalog.loadOne(request.contractsDirectory(), file))
                .orElseGet(() -> ContractCatalog.load(request.contractsDirectory()));
        List<Problem> problems = new ArrayList<>(catalog.problems());
        List<Problem> warnings = new ArrayList<>();
        catalog.skipped().forEach(skipped -> warnings.add(Problem.in(skipped.file(), skipped.reason())));

        List<GenerationReport.NotPersistent> notPersistent = new ArrayList<>();
        List<PlannedTable> planned = new ArrayList<>();
        for (Contract contract : catalog.contracts()) {
            PersistenceDecision decision = PersistenceDecision.decide(contract);
            if (!decision.needsTable()) {
                notPersistent.add(new GenerationReport.NotPersistent(contract.location(), decision.rule()));
                continue;
            }
            try {
                TableName name = TableName.of(contract.location(), contract.explicitTable());
                if (name.shortened()) {
                    warnings.add(Problem.in(contract.file(), "table name shortened to 63 bytes: " + name.value()));
                }
                Strategy strategy = contract.strategy().filter(s -> s != Strategy.NONE)
                        .orElse(request.defaultStrategy());
                planned.add(new PlannedTable.ForContract(contract, name.value(), strategy));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (request.contract().isEmpty()) {
            request.infrastructureTables().forEach(declared -> planned.add(new PlannedTable.Declared(declared)));
        }
        problems.addAll(sameTableTwice(planned));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        MigrationFolder folder = new MigrationFolder(request.migrationsDirectory());
        try (MigrationFolder.Lock lock = folder.lock()) {
            // Read under the lock: another build may have just written a table we were about to write.
            MigrationIndex index = MigrationIndex.scan(folder.directory());
            if (!index.problems().isEmpty()) {
                throw new InvalidInputException(index.problems());
            }
            index.skipped().forEach(skipped -> warnings.add(Problem.in(skipped.path(), skipped.reason())));

            List<GenerationReport.Covered> covered = new ArrayList<>();
            Map<PlannedTable, String> sql = new LinkedHashMap<>();
            Instant now = clock.instant();
            for (PlannedTable table : planned) {
                if (request.existingTables().contains(table.table())) {
                    covered.add(new GenerationReport.Covered(table.table(), table.source(), "existingTables"));
                } else if (index.exists(table.table())) {
                    String where = index.origin(table.table())
                            .map(origin -> origin.file().path().getFileName() + ":" + origin.line())
                            .orElse("a migration");
                    covered.add(new GenerationReport.Covered(table.table(), table.source(), where));
                } else {
                    try {
                        sql.put(table, table.render(templates, now, request.rowLevelSecurity()));
                    } catch (InvalidInputException e) {
                        problems.addAll(e.problems());
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }

            List<String> versions = MigrationVersion.allocateAfter(index, now, sql.size());
            List<GenerationReport.Written> written = new ArrayList<>();
            int next = 0;
            for (Map.Entry<PlannedTable, String> entry : sql.entrySet()) {
                PlannedTable table = entry.getKey();
                Path file = folder.writeNew(versions.get(next++) + "_" + table.table() + ".sql", entry.getValue());
                written.add(new GenerationReport.Written(file, table.table(), table.source()));
            }
            return new GenerationReport(written, covered, notPersistent, warnings);
        }
    }

    private static List<Problem> sameTableTwice(List<PlannedTable> planned) {
        Map<String, PlannedTable> byTable = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (PlannedTable table : planned) {
            PlannedTable first = byTable.putIfAbsent(table.table(), table);
            if (first != null) {
                problems.add(Problem.in(table.origin(), "maps to table " + table.table() + ", as does "
                        + first.origin() + "; set x-artifact-metadata.persistence.table on one of them"));
            }
        }
        return problems;
    }

    /** A table this run may write: what it is for, and how its SQL reads. */
    private sealed interface PlannedTable {

        String table();

        /** For the summary: {@code theme/domain/aspect (strategy)} or {@code event-log match}. */
        String source();

        /** The file (contract) or setting that asks for this table, for messages. */
        Path origin();

        String render(SqlTemplates templates, Instant now, boolean rowLevelSecurity);

        record ForContract(Contract contract, String table, Strategy strategy) implements PlannedTable {
            @Override
            public String source() {
                return contract.location().key() + " (" + strategy.label() + ")";
            }

            @Override
            public Path origin() {
                return contract.file();
            }

            @Override
            public String render(SqlTemplates templates, Instant now, boolean rowLevelSecurity) {
                if (strategy == Strategy.RELATIONAL) {
                    return templates.render(TableShape.RELATIONAL, RelationalTableModel.of(
                            contract, table, TypeMapping.map(contract), now, rowLevelSecurity));
                }
                return templates.render(TableShape.JSONB, JsonbTableModel.of(contract, table, now, rowLevelSecurity));
            }
        }

        record Declared(InfrastructureTable declared) implements PlannedTable {
            @Override
            public String table() {
                return declared.tableName();
            }

            @Override
            public String source() {
                return declared.kind().label() + " " + declared.name();
            }

            @Override
            public Path origin() {
                return Path.of("pom.xml");
            }

            @Override
            public String render(SqlTemplates templates, Instant now, boolean rowLevelSecurity) {
                InfrastructureTableModel model = InfrastructureTableModel.of(declared, rowLevelSecurity);
                return templates.render(model.shape(), model);
            }
        }
    }
}
