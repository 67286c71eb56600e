package dev.atdd.core.generate;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.MigrationVersion;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.InfrastructureTableModel;
import dev.atdd.core.render.JsonbTableModel;
import dev.atdd.core.render.RelationalTableModel;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.core.render.IndexName;
import dev.atdd.core.render.TableModel;
import dev.atdd.core.types.TypeMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes the migrations that are missing: one per persistent contract, and one per declared
 * infrastructure table, whose table no migration creates yet.
 *
 * <p>All or nothing: every contract is read, named and rendered before the first file is written,
 * and any problem anywhere stops the run with all problems listed and nothing written, unless the
 * request asks to write what is valid.
 */
public final class MigrationGenerator {

    /** A template error names at most this many of the tables it failed for, then counts the rest. */
    private static final int TABLES_NAMED = 3;

    private final SqlTemplates templates;
    private final Clock clock;

    public MigrationGenerator(SqlTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Reads every contract under the request's contracts directory (a run for one contract too), then
     * generates as {@link #generate(GenerationRequest, ContractCatalog)} does.
     */
    public GenerationReport generate(GenerationRequest request) {
        return generate(request, ContractCatalog.load(request.contractsDirectory()));
    }

    /**
     * The file as the catalog lists it: the path given may name it otherwise, in another letter case on a file
     * system that ignores case, say.
     */
    private static Path listedAs(Path file, ContractCatalog catalog) {
        List<Path> listed = Stream.of(catalog.contracts().stream().map(Contract::file),
                catalog.relationalWithProblems().stream().map(Contract::file),
                catalog.problems().stream().map(Problem::file),
                catalog.skipped().stream().map(ContractCatalog.Skipped::file)).flatMap(paths -> paths).toList();
        return listed.contains(file) ? file
                : listed.stream().filter(path -> sameFile(path, file)).findFirst().orElse(file);
    }

    private static boolean sameFile(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Generates from contracts the caller has read already, so that a build whose goals share one read
     * of the contracts does not read them again here.
     *
     * @param catalog {@link ContractCatalog#load} of the request's contracts directory, also for a run for one
     *                contract: the others decide what its $id means, and whether its table is another's too
     * @throws InvalidInputException listing every problem of the input; nothing has been written then.
     *         With {@link GenerationRequest#writeValidContracts()} only a broken migrations folder throws;
     *         broken contracts are left out and listed in {@link GenerationReport#skipped()}. A run for one
     *         contract throws on its problems only, and on a path that is no contract's.
     */
    public GenerationReport generate(GenerationRequest request, ContractCatalog catalog) {
        Optional<Problem> noContract = request.contract()
                .flatMap(file -> ContractCatalog.checkOne(request.contractsDirectory(), file));
        if (noContract.isPresent()) {
            throw new InvalidInputException(noContract.get());
        }
        TablePlan every = TablePlan.of(catalog, request.defaultStrategy(), request.infrastructureTables());
        // One contract asked for by name: neither the others' problems nor the declared tables are part of the run.
        TablePlan plan = request.contract().map(file -> every.onlyFor(listedAs(file, catalog))).orElse(every);
        if (request.contract().isPresent() && plan.tables().isEmpty() && plan.notPersistent().isEmpty()
                && plan.problems().isEmpty() && plan.fixedWarnings().isEmpty()) {
            // Nothing of it in the plan: "nothing to generate" would hide that the contract was not found.
            throw new InvalidInputException(Problem.in(request.contract().get(), "is not among the contracts listed"
                    + " under " + request.contractsDirectory() + ": give its path as its folders are spelt"));
        }
        // One contract asked for by name has nothing valid to fall back on: its problems fail the run.
        boolean writeValid = request.writeValidContracts() && request.contract().isEmpty();
        List<Problem> problems = new ArrayList<>(plan.problems());

        MigrationFolder folder = new MigrationFolder(request.migrationsDirectory());
        try (MigrationFolder.Lock lock = folder.lock()) {
            // Read under the lock: another build may have just written a table we were about to write.
            MigrationIndex index = MigrationIndex.scan(folder.directory());
            // The migrations' warnings first, as the goals tell them: some of the plan's depend on the migrations.
            List<Problem> warnings = new ArrayList<>();
            index.skipped().forEach(skipped -> warnings.add(skipped.toProblem()));
            warnings.addAll(plan.warnings(index));
            if (request.contract().isEmpty()) {
                // A plan kept to one contract holds its table alone: every other would look without its contract.
                warnings.addAll(plan.withoutContract(index));
            }
            TableLookup.Split split = new TableLookup(index, request.existingTables()).split(plan.tables());
            // Lists, not a map keyed by table: a contract's hash is the hash of its whole schema.
            List<PlannedTable> missing = new ArrayList<>();
            List<TableModel> models = new ArrayList<>();
            List<String> sql = new ArrayList<>();
            Instant now = clock.instant();
            // A template's error is the template's: told once, naming the tables it failed for.
            Map<Problem, List<String>> templateFailures = new LinkedHashMap<>();
            // Rendered even when the plan has problems, so that one run reports them all.
            for (PlannedTable table : split.missing()) {
                try {
                    TableModel model = model(table, now, request.rowLevelSecurity());
                    String rendered;
                    try {
                        rendered = templates.render(model.shape(), model);
                    } catch (InvalidInputException e) {
                        e.problems().forEach(problem -> templateFailures.computeIfAbsent(problem,
                                first -> new ArrayList<>()).add(table.table()));
                        continue;
                    }
                    Optional<Path> userTemplate = templates.userTemplate(model.shape());
                    if (userTemplate.isPresent() && !MigrationIndex.publicTablesMadeBy(rendered).contains(table.table())) {
                        // The next run would find the table missing again and write it again.
                        throw new InvalidInputException(Problem.in(userTemplate.get(), "makes no table "
                                + table.table() + " (for " + table.source() + "): a migration from this template"
                                + " must create the table it is given, in public"));
                    }
                    sql.add(rendered);
                    missing.add(table);
                    models.add(model);
                    model.indexNames().stream().filter(IndexName::shortened).forEach(shortened -> warnings.add(
                            Problem.in(table.origin(), "index name " + shortened.requested()
                                    + " is longer than 63 bytes, shortened to " + shortened.name())));
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
            templateFailures.forEach((problem, tables) -> problems.add(new Problem(problem.file(), problem.line(),
                    problem.column(), problem.message() + "\n(rendering " + (tables.size() == 1 ? "table " : "tables ")
                    + String.join(", ", tables.subList(0, Math.min(tables.size(), TABLES_NAMED)))
                    + (tables.size() > TABLES_NAMED ? " and " + (tables.size() - TABLES_NAMED) + " more" : "") + ")")));
            if (!missing.isEmpty() && !index.unqualifiedNamesEndInPublic()) {
                // The templates write unqualified names: after such a migration they would not land in public.
                throw new InvalidInputException(Problem.in(index.latest().orElseThrow().path(), "after this migration"
                        + " the search_path leads to another schema than public, so a generated table would not be"
                        + " made in public; end the migration with RESET search_path"));
            }
            // With writeValidContracts: a table whose contract has a problem (say, a name clash) is left out.
            Set<Path> broken = problems.stream().map(Problem::file).collect(Collectors.toSet());
            Set<Integer> leftOut = new HashSet<>();
            for (int i = 0; i < missing.size(); i++) {
                if (broken.contains(missing.get(i).origin())) {
                    leftOut.add(i);
                }
            }
            // A table not to be made again (a moved contract's old table exists, a migration dropped or renamed
            // it): the ways on are told in the problem, as a failed run shows no warning. Only that table is
            // left out: the tables declared in the pom share it as their origin.
            for (int i = 0; i < missing.size(); i++) {
                Optional<Problem> refused = plan.leftBehind(missing.get(i), index);
                if (refused.isPresent()) {
                    problems.add(refused.get());
                    leftOut.add(i);
                }
            }
            for (RelationNamespace.Clash clash : RelationNamespace.clashes(missing, models, index.tables(),
                    index.viewsAndTypes(), index.indexes(), leftOut::contains)) {
                problems.add(clash.problem());
                leftOut.add(clash.position());
            }
            List<Optional<MigrationFile>> named = namedMigrations(missing, leftOut, index, folder.directory(),
                    problems);
            if (!index.problems().isEmpty() || !problems.isEmpty() && !writeValid) {
                List<Problem> all = new ArrayList<>(problems);
                all.addAll(index.problems());
                throw new InvalidInputException(all);
            }
            for (int i = missing.size() - 1; i >= 0; i--) {
                if (leftOut.contains(i)) {
                    missing.remove(i);
                    sql.remove(i);
                    named.remove(i);
                }
            }

            List<MigrationFile> chosen = named.stream().flatMap(Optional::stream).toList();
            Iterator<String> versions = MigrationVersion.allocateAfter(index, chosen, now,
                    missing.size() - chosen.size()).iterator();
            List<MigrationFile> files = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                String table = missing.get(i).table();
                files.add(named.get(i).orElseGet(() -> {
                    String version = versions.next();
                    return new MigrationFile(folder.directory().resolve(version + "_" + table + ".sql"), version, table);
                }));
            }
            // Written and reported in version order: a named version may come after the chosen ones.
            List<Integer> inVersionOrder = IntStream.range(0, missing.size()).boxed()
                    .sorted(Comparator.comparing(i -> files.get(i).version(), MigrationVersion::compare)).toList();
            Map<String, String> contentByFileName = new LinkedHashMap<>();
            for (int i : inVersionOrder) {
                contentByFileName.put(files.get(i).path().getFileName().toString(), sql.get(i));
            }
            List<Path> paths = folder.writeAllNew(contentByFileName);
            List<GenerationReport.Written> written = new ArrayList<>();
            for (int k = 0; k < inVersionOrder.size(); k++) {
                PlannedTable table = missing.get(inVersionOrder.get(k));
                written.add(new GenerationReport.Written(paths.get(k), table.table(), describe(table),
                        table.relational()));
            }
            return new GenerationReport(written, split.covered(), plan.notPersistent(), warnings, problems);
        }
    }

    /**
     * The files that contracts name in {@code persistence.migration} for their missing tables, by position
     * in {@code missing} (empty where none is named or the table is left out): the table
     * is written there, so that check-coverage then finds it where the contract says. A name that cannot
     * be used is a problem of its contract, whose table is then left out: it must be a migration name with
     * a timestamp version, no file of that name may exist (none is ever overwritten), and its version must
     * come after every migration's (as a chosen one does) and be no other new file's.
     */
    private static List<Optional<MigrationFile>> namedMigrations(List<PlannedTable> missing, Set<Integer> leftOut,
            MigrationIndex index, Path directory, List<Problem> problems) {
        List<Optional<MigrationFile>> named = new ArrayList<>(Collections.nCopies(missing.size(), Optional.empty()));
        Map<String, Integer> byVersion = new HashMap<>();
        Optional<MigrationFile> newest = index.latest();
        for (int i = 0; i < missing.size(); i++) {
            if (leftOut.contains(i) || !(missing.get(i) instanceof PlannedTable.ForContract table)
                    || table.contract().migrationFileName().isEmpty()) {
                continue;
            }
            Optional<MigrationFile> file = timestamped(directory, table.contract().migrationFileName().get());
            String why;
            if (file.isEmpty()) {
                why = "which is not a migration name the generator can write: {yyyyMMddHHmmss}_{name}.sql,"
                        + " the version a UTC time";
            } else if (Files.exists(file.get().path())) {
                why = "which exists already, yet no table " + table.table() + " exists after the migrations;"
                        + " a migration is never overwritten";
            } else if (newest.isPresent() && MigrationVersion.compare(file.get().version(),
                    newest.get().version()) <= 0) {
                why = "whose version is not after that of the newest migration, "
                        + newest.get().path().getFileName() + ": the Supabase CLI refuses to push a"
                        + " migration older than the last one applied";
            } else if (byVersion.containsKey(file.get().version())) {
                int other = byVersion.get(file.get().version());
                why = "whose version is that of " + named.get(other).orElseThrow().path().getFileName()
                        + ", which contract " + ((PlannedTable.ForContract) missing.get(other)).contract().location()
                        .key() + " names: Supabase applies one migration per version";
            } else {
                why = null;
                byVersion.put(file.get().version(), i);
                named.set(i, file);
            }
            if (why != null) {
                problems.add(table.contract().problem(Contract.MIGRATION_POINTER, "names "
                        + table.contract().migration().orElseThrow() + " for the missing table " + table.table()
                        + ", " + why + "; name a new file with a later version, or remove persistence.migration"
                        + " and the generator names one"));
                leftOut.add(i);
            }
        }
        return named;
    }

    /** The migration {@code fileName} in the folder, when it is a migration name with a timestamp version. */
    private static Optional<MigrationFile> timestamped(Path directory, String fileName) {
        try {
            return MigrationFile.named(directory.resolve(fileName)).filter(f -> MigrationVersion.isTimestamp(f.version()));
        } catch (InvalidPathException e) {
            return Optional.empty(); // a character the file system refuses
        }
    }

    private static TableModel model(PlannedTable table, Instant now, boolean rowLevelSecurity) {
        if (table instanceof PlannedTable.Declared declared) {
            return InfrastructureTableModel.of(declared.declaration(), now, rowLevelSecurity);
        }
        PlannedTable.ForContract forContract = (PlannedTable.ForContract) table;
        if (forContract.relational()) {
            return RelationalTableModel.of(forContract.contract(), forContract.table(),
                    TypeMapping.map(forContract.contract()), now, rowLevelSecurity);
        }
        return JsonbTableModel.of(forContract.contract(), forContract.table(), now, rowLevelSecurity);
    }

    private static String describe(PlannedTable table) {
        return table instanceof PlannedTable.ForContract forContract
                ? forContract.source() + " (" + forContract.strategy().label() + ")"
                : table.source();
    }
}
