package dev.atdd.core.check;

import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.migration.TableOrigin;
import dev.atdd.core.plan.CoveredTable;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.plan.RelationalMapping;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.plan.TablePlan.NotPersistent;
import dev.atdd.core.verify.ContractIndexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which tables the project asks for but no migration creates, and which relational contracts hold
 * properties the type mapping cannot turn into columns.
 *
 * @param missing       planned tables nothing creates, sorted by source
 * @param unmappable    type-mapping problems of relational contracts (contract path, line and column, JSON pointer)
 * @param wrongMigration contracts whose {@code persistence.migration} names another file than the one
 *                       that creates their table
 * @param leftBehind    of the missing, those generate-migrations does not write, each with why: a moved
 *                      contract whose old table exists, a table a migration dropped, renamed or moved
 *                      ({@link TablePlan#leftBehind})
 * @param unbuildableIndexes indexes contracts ask for that cannot be made (a field the contract lacks, gist), also
 *                      of a contract whose table exists: told in every build, not only when its table is generated
 */
public record CoverageReport(List<PlannedTable> missing, List<CoveredTable> covered,
                             List<NotPersistent> notPersistent, List<Problem> unmappable,
                             List<Problem> wrongMigration, List<Problem> leftBehind,
                             List<Problem> unbuildableIndexes) {

    public CoverageReport {
        missing = List.copyOf(missing);
        covered = List.copyOf(covered);
        notPersistent = List.copyOf(notPersistent);
        unmappable = List.copyOf(unmappable);
        wrongMigration = List.copyOf(wrongMigration);
        leftBehind = List.copyOf(leftBehind);
        unbuildableIndexes = List.copyOf(unbuildableIndexes);
    }

    public static CoverageReport of(TablePlan plan, TableLookup lookup) {
        TableLookup.Split split = lookup.split(plan.tables());
        List<PlannedTable> missing = new ArrayList<>(split.missing());
        missing.sort(Comparator.comparing(PlannedTable::source));
        List<Problem> leftBehind = missing.stream()
                .flatMap(table -> plan.leftBehind(table, lookup.index()).stream()).toList();
        RelationalMapping relational = RelationalMapping.of(plan);
        return new CoverageReport(missing, split.covered(), plan.notPersistent(), relational.problems(),
                wrongMigrations(split.covered()), leftBehind, ContractIndexes.of(plan, relational).problems());
    }

    /**
     * {@code persistence.migration} is held to the file that creates the table, by file name: a path
     * from the project or from the migrations folder names the same file. A table listed in
     * {@code existingTables} is made elsewhere (it has no origin), so the claim cannot be checked.
     */
    private static List<Problem> wrongMigrations(List<CoveredTable> covered) {
        List<Problem> problems = new ArrayList<>();
        for (CoveredTable table : covered) {
            if (!(table.table() instanceof PlannedTable.ForContract forContract) || table.origin().isEmpty()) {
                continue;
            }
            TableOrigin origin = table.origin().get();
            Contract contract = forContract.contract();
            contract.migrationFileName().ifPresent(fileName -> {
                if (!origin.file().path().getFileName().toString().equals(fileName)) {
                    problems.add(contract.problem(Contract.MIGRATION_POINTER, "names "
                            + contract.migration().orElseThrow()
                            + ", but " + forContract.table() + " is created by " + origin.where()
                            + "; name that file, or remove persistence.migration"));
                }
            });
        }
        return problems;
    }

    public boolean passed() {
        return missing.isEmpty() && unmappable.isEmpty() && wrongMigration.isEmpty() && unbuildableIndexes.isEmpty();
    }

    /** {@code 2 persistent contracts have no table:}, or with the build's infrastructure tables counted apart. */
    private static String missingHeading(long contracts, long declared) {
        if (declared == 0) {
            return contracts + (contracts == 1 ? " persistent contract has" : " persistent contracts have")
                    + " no table:\n";
        }
        String ofTheBuild = declared + (declared == 1 ? " infrastructure table" : " infrastructure tables")
                + " of the build";
        if (contracts == 0) {
            return ofTheBuild + (declared == 1 ? " is" : " are") + " missing:\n";
        }
        return contracts + (contracts == 1 ? " persistent contract" : " persistent contracts") + " and " + ofTheBuild
                + " have no table:\n";
    }

    /** The failure as the build shows it: every finding on its own line, then what to run. */
    public String describe(Path base) {
        StringBuilder out = new StringBuilder();
        long declared = missing.stream().filter(PlannedTable.Declared.class::isInstance).count();
        if (!missing.isEmpty()) {
            out.append(missingHeading(missing.size() - declared, declared));
            for (PlannedTable table : missing) {
                out.append("  ").append(table.source()).append(" → table: ").append(table.table()).append('\n');
            }
        }
        if (!leftBehind.isEmpty()) {
            out.append(leftBehind.size()).append(leftBehind.size() == 1
                    ? " of them is not generated, as its table was made under another name, moved or removed:\n"
                    : " of them are not generated, as their tables were made under another name, moved or removed:\n");
            for (Problem problem : leftBehind) {
                out.append("  ").append(problem.describe(base)).append('\n');
            }
        }
        if (!unmappable.isEmpty()) {
            // Not only types: a required name that no property declares stops the mapping too.
            out.append(unmappable.size()).append(unmappable.size() == 1
                    ? " problem of a relational contract keeps the type mapping from making its columns:\n"
                    : " problems of relational contracts keep the type mapping from making their columns:\n");
            for (Problem problem : unmappable) {
                out.append("  ").append(problem.describe(base)).append('\n');
            }
        }
        if (!unbuildableIndexes.isEmpty()) {
            out.append(unbuildableIndexes.size()).append(unbuildableIndexes.size() == 1
                    ? " index a contract asks for cannot be made:\n" : " indexes contracts ask for cannot be made:\n");
            for (Problem problem : unbuildableIndexes) {
                out.append("  ").append(problem.describe(base)).append('\n');
            }
        }
        if (!wrongMigration.isEmpty()) {
            out.append(wrongMigration.size()).append(wrongMigration.size() == 1 ? " contract names" : " contracts name")
                    .append(" another migration than the one that creates its table:\n");
            for (Problem problem : wrongMigration) {
                out.append("  ").append(problem.describe(base)).append('\n');
            }
        }
        if (!notPersistent.isEmpty()) {
            // "Other": none of them is among the contracts listed above, which read as if they were the skipped ones.
            out.append(notPersistent.size()).append(out.isEmpty() ? "" : " other")
                    .append(notPersistent.size() == 1 ? " contract needs" : " contracts need")
                    .append(" no table (not persistent) and ").append(notPersistent.size() == 1 ? "was" : "were")
                    .append(" skipped.\n");
        }
        // A missing table whose contract the type mapping cannot map is not generated either: its fix is the contract.
        Set<Path> unmappableFiles = Stream.concat(unmappable.stream(), unbuildableIndexes.stream()).map(Problem::file)
                .collect(Collectors.toSet());
        long notGenerated = missing.stream().filter(table -> unmappableFiles.contains(table.origin())).count()
                + leftBehind.stream().filter(problem -> !unmappableFiles.contains(problem.file())).count();
        if (missing.size() > notGenerated) {
            // The run stops on the others, unless told to write what it can.
            out.append("Generate the missing migrations with: mvn atdd:generate-migrations")
                    .append(notGenerated == 0 ? "" : " (once the problems above are resolved, or with"
                            + " -Datdd.writeValidContracts=true)").append('\n');
            // A team adopting the plugin often has the table already: generating would make a second one.
            out.append(missing.size() > declared ? "A table that exists under another name: name it in"
                    + " x-artifact-metadata.persistence.table; one" : "A table").append(" that another module or tool"
                    + " creates: list it in existingTables.\n");
        }
        if (!unmappable.isEmpty()) {
            out.append("Fix the contracts above (or use persistence.strategy jsonb).\n");
        } else if (!unbuildableIndexes.isEmpty()) {
            out.append("Fix the indexes above in their contracts.\n");
        }
        return out.toString().stripTrailing();
    }
}
