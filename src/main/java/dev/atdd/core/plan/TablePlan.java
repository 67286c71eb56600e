package dev.atdd.core.plan;

import dev.atdd.core.Problem;
import dev.atdd.core.Typo;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.ContractLocation;
import dev.atdd.core.contract.PersistenceDecision;
import dev.atdd.core.contract.PersistenceRule;
import dev.atdd.core.contract.SchemaProblem;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.migration.GoneTable;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.TableOrigin;
import dev.atdd.core.naming.SnakeCase;
import dev.atdd.core.naming.TableName;
import dev.atdd.core.types.TypeMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tables a project asks for, decided once for every goal: which contracts need a table (and
 * by which rule the others do not), what each table is called, and which shape it takes.
 *
 * @param tables        the persistent contracts' tables, then the declared infrastructure tables (only the one
 *                      contract's table in a plan kept to it, {@link #onlyFor})
 * @param notPersistent contracts that need no table, with the rule that decided
 * @param problems      input errors: unloadable contracts (a relational one's with its type mapping's), bad
 *                      names, two sources for one table
 * @param fixedWarnings the warnings that do not depend on the migrations: skipped files, shortened names, a
 *                      {@code $id} that names another place than the contract's folders or that an earlier
 *                      contract has; {@link #warnings(MigrationIndex)} tells them all
 * @param formerTables  by contract file, the table of the place its {@code $id} names, where that is
 *                      another table than its own: most likely the contract moved, and that table is its old one
 * @param owners        every table asked for, with the first contract or declaration asking for it: in a plan
 *                      kept to one contract as well, as advice must not send it to another's table
 */
public record TablePlan(List<PlannedTable> tables, List<NotPersistent> notPersistent,
                        List<Problem> problems, List<Problem> fixedWarnings, Map<Path, FormerTable> formerTables,
                        Map<String, PlannedTable> owners) {

    public TablePlan {
        tables = List.copyOf(tables);
        notPersistent = List.copyOf(notPersistent);
        problems = List.copyOf(problems);
        fixedWarnings = List.copyOf(fixedWarnings);
        formerTables = Map.copyOf(formerTables);
        owners = Map.copyOf(owners);
    }

    /** @param overruled a later rule that would have asked for a table (see {@link PersistenceDecision}) */
    public record NotPersistent(Path file, ContractLocation location, PersistenceRule rule,
                                Optional<PersistenceRule> overruled) {
    }

    /**
     * Why a missing table is not to be written: its contract moved (its {@code $id} names the old place) and
     * the old place's table exists, or a migration dropped, renamed or moved the table itself. A new, empty
     * table would leave the application's data behind in the old one, or undo what a migration meant.
     */
    public Optional<Problem> leftBehind(PlannedTable table, MigrationIndex index) {
        FormerTable former = formerTables.get(table.origin());
        Optional<Problem> moved = former == null ? Optional.empty() : index.origin(former.table()).map(made ->
                Problem.in(table.origin(), "generate-migrations writes no table " + table.table() + " for it: the"
                        + " table of its $id, " + former.table() + ", exists (made by " + made.where() + "), and a"
                        + " second, empty table would leave that table and its data behind. " + former.waysOn()));
        return moved.or(() -> index.gone(table.table()).map(gone -> notMadeAgain(table, gone)));
    }

    /** The refusal to make again, empty, a table a migration dropped, renamed or moved. */
    private Problem notMadeAgain(PlannedTable table, GoneTable gone) {
        String asker = table instanceof PlannedTable.Declared ? table.source() + " (infrastructureTables)" : "it";
        String undone = gone.rowsNowIn().map(place -> "leave its rows behind in " + place).orElse("undo that");
        return Problem.in(table.origin(), "generate-migrations writes no table " + table.table() + " for " + asker
                + ": it was " + gone.describe() + ", and making it again, empty, would " + undone + ". "
                + waysOn(table, gone));
    }

    /** What to do about a table a migration dropped, renamed or moved, for whatever asks for it. */
    private String waysOn(PlannedTable table, GoneTable gone) {
        boolean declared = table instanceof PlannedTable.Declared;
        String noLonger = declared ? "If it is no longer needed, remove it from infrastructureTables"
                : "If the contract needs no table any more, delete it or set x-artifact-metadata.persistence.strategy"
                        + " to none";
        String comeBack = "; if the table must come back as it was, write the migration that makes it yourself"
                + " (if something the migrations do not show makes it again, list it in existingTables).";
        if (gone.renamedTo().isPresent() && !declared) {
            String renamed = gone.renamedTo().get();
            // Advice to take a table another contract or declaration asks for would only move the clash.
            PlannedTable owner = owners.get(renamed);
            if (owner != null) {
                return renamed + " is the table of " + owner.source() + ". " + noLonger + comeBack;
            }
            return "If " + renamed + " is its table now, name it in x-artifact-metadata.persistence.table. "
                    + noLonger + comeBack;
        }
        return noLonger + comeBack;
    }

    /**
     * The table of the place a moved contract's {@code $id} names, and the ways on that the warning tells,
     * for whoever refuses to leave it behind.
     *
     * @param waysOn     {@code Keep them with x-artifact-metadata.persistence.table "…", or rename …}
     * @param leftBehind the warning while a migration makes that table: it and its data are left behind
     * @param idOnly     the warning once none does (it was renamed to the contract's, say): only the $id is wrong
     */
    public record FormerTable(String table, String waysOn, Problem leftBehind, Problem idOnly) {
    }

    /**
     * The warnings, with the migrations known: a moved contract's old table is told as left behind only while
     * a migration makes it; once it was renamed to the contract's table (as the warning advised) or never
     * existed, only the {@code $id} is to correct.
     */
    public List<Problem> warnings(MigrationIndex index) {
        List<Problem> all = new ArrayList<>(fixedWarnings);
        for (PlannedTable table : tables) {
            FormerTable former = formerTables.get(table.origin());
            if (former != null && table instanceof PlannedTable.ForContract) {
                all.add(index.origin(former.table()).isPresent() ? former.leftBehind() : former.idOnly());
            }
        }
        return all;
    }

    /**
     * The tables the built-in templates generated from a contract that is gone, or that a guessing rule now
     * finds needs no table, and that no contract (or declared table) asks for: most likely the contract moved with
     * its {@code $id} corrected, was deleted or lost its properties, and the table stays with its rows, told nowhere
     * else. Each is placed at the statement that made it. Empty for a plan with
     * problems, whose contracts are not all known (nor are their tables in a plan kept to one: the caller knows).
     */
    public List<Problem> withoutContract(MigrationIndex index) {
        if (!problems.isEmpty()) {
            return List.of();
        }
        Set<String> asked = new HashSet<>();
        Set<String> contracts = new HashSet<>();
        for (PlannedTable table : tables) {
            asked.add(table.table());
            if (table instanceof PlannedTable.ForContract forContract) {
                contracts.add(forContract.contract().location().relativePath());
            }
        }
        // A contract that says it needs no table means it; one that a guessing rule decided on may have lost its
        // table by a slip (its properties deleted, "computed" in its description) and is told.
        Map<String, PersistenceRule> guessedNoTable = new HashMap<>();
        for (NotPersistent contract : notPersistent) {
            if (contract.rule() == PersistenceRule.STRATEGY_NONE || contract.rule() == PersistenceRule.INTERNAL) {
                contracts.add(contract.location().relativePath());
            } else {
                guessedNoTable.put(contract.location().relativePath(), contract.rule());
            }
        }
        // A moved contract's old table is told by its $id's warning.
        formerTables.values().forEach(former -> asked.add(former.table()));
        List<Problem> told = new ArrayList<>();
        for (String table : index.tables()) {
            TableOrigin made = index.origin(table).orElseThrow();
            Optional<String> from = index.generatedFrom(made.file()).filter(path -> !contracts.contains(path));
            if (asked.contains(table) || from.isEmpty()) {
                continue;
            }
            PersistenceRule rule = guessedNoTable.get(from.get());
            String keepIt = rule == null
                    ? "which is no contract any more, and no contract asks for the table: if the contract moved, name "
                            + table + " in its x-artifact-metadata.persistence.table, or rename the table in a"
                            + " migration, so that its rows are not left behind"
                    : "which now needs no table (" + rule.reason() + "), and no contract asks for the table: if it"
                            + " still holds data, set its x-artifact-metadata.persistence.strategy to jsonb or"
                            + " relational";
            told.add(new Problem(made.file().path(), made.line(), made.column(), table + " was generated from "
                    + from.get() + ", " + keepIt + "; if the table is no longer needed, drop it in a migration."));
        }
        return told;
    }

    public static TablePlan of(ContractCatalog catalog, Strategy defaultStrategy,
                               List<InfrastructureTable> declared) {
        List<Problem> problems = new ArrayList<>(catalog.problems());
        for (Contract contract : catalog.relationalWithProblems()) {
            // In the place of the file's problems, which the catalog lists together.
            List<Problem> read = problems.stream().filter(problem -> problem.file().equals(contract.file())).toList();
            int at = problems.indexOf(read.get(0));
            problems.removeAll(read);
            problems.addAll(at, withTypeMapping(read, contract));
        }
        List<Problem> warnings = new ArrayList<>();
        catalog.skipped().forEach(skipped -> warnings.add(Problem.in(skipped.file(), skipped.reason())));
        List<NotPersistent> notPersistent = new ArrayList<>();
        List<PlannedTable> tables = new ArrayList<>();
        Map<Path, FormerTable> formerTables = new HashMap<>();
        for (Contract contract : catalog.contracts()) {
            PersistenceDecision decision = PersistenceDecision.decide(contract);
            if (!decision.needsTable()) {
                notPersistent.add(new NotPersistent(contract.file(), contract.location(), decision.rule(),
                        decision.overruled()));
                continue;
            }
            try {
                TableName name = TableName.of(contract.file(), contract.location(), contract.explicitTable());
                if (name.shortened()) {
                    // Only a name made of the folders is shortened; one the contract gives must fit.
                    warnings.add(Problem.in(contract.file(), "table name longer than 63 bytes, shortened to "
                            + name.value()));
                }
                Strategy strategy = contract.strategy().orElse(defaultStrategy);
                if (strategy != Strategy.RELATIONAL) {
                    // The relational type mapping refuses such a name; nothing else would tell a jsonb contract's.
                    List<String> names = contract.document().requiredNames();
                    warnings.addAll(contract.problems(contract.undeclaredRequired().stream()
                            .map(i -> new SchemaProblem("/required/" + i, "\"" + names.get(i) + "\" is required but"
                                    + " is not in properties"
                                    + Typo.didYouMean(names.get(i), contract.document().propertyNames())))
                            .toList()));
                }
                tables.add(new PlannedTable.ForContract(contract, name.value(), strategy));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        declared.forEach(declaration -> tables.add(new PlannedTable.Declared(declaration)));
        // Told once every table is known: the table a $id names may be another contract's.
        Map<String, PlannedTable> owners = new HashMap<>();
        tables.forEach(table -> owners.putIfAbsent(table.table(), table));
        for (PlannedTable table : tables) {
            if (table instanceof PlannedTable.ForContract forContract) {
                idOfAnotherPlace(forContract, owners, formerTables).ifPresent(warnings::add);
            }
        }
        warnings.addAll(sameIdTwice(catalog.contracts()));
        problems.addAll(sameTableTwice(tables));
        return new TablePlan(tables, notPersistent, problems, warnings, formerTables, owners);
    }

    /**
     * This plan, made from every contract, kept to what concerns one of them, for a run for that contract alone:
     * its table, its problems and warnings, and its former table. A plan of that contract read alone would not
     * know the others: it would take the table its {@code $id} names, another contract's, for its old one left
     * behind, and miss a table another asks for too. That clash is told where a run over every contract tells it,
     * at whichever of the two comes second, perhaps the other. A problem of a folder on its way (one that could
     * not be listed) is its too; the others' problems and warnings, and the declared tables, are not.
     */
    public TablePlan onlyFor(Path contract) {
        List<PlannedTable> own = tables.stream().filter(table -> table.origin().equals(contract)).toList();
        Set<String> ownTables = own.stream().map(PlannedTable::table).collect(Collectors.toSet());
        List<Problem> clashes = sameTableTwice(tables.stream().filter(table -> ownTables.contains(table.table()))
                .toList());
        Predicate<Problem> placedOnIt = problem -> contract.startsWith(problem.file());
        FormerTable former = formerTables.get(contract);
        return new TablePlan(own, notPersistent.stream().filter(other -> other.file().equals(contract)).toList(),
                problems.stream().filter(placedOnIt.or(clashes::contains)).toList(),
                fixedWarnings.stream().filter(placedOnIt).toList(),
                former == null ? Map.of() : Map.of(contract, former), owners);
    }

    /**
     * The problems the reader found in a relational contract, with those its type mapping finds besides, in file
     * order: one run tells them all. A value the reader refused already (a {@code required} that is no array, say)
     * is not refused again in the mapping's words.
     */
    private static List<Problem> withTypeMapping(List<Problem> read, Contract contract) {
        List<Problem> mapped;
        try {
            TypeMapping.map(contract);
            return read;
        } catch (InvalidInputException e) {
            mapped = e.problems();
        }
        Set<List<Integer>> refused = read.stream().filter(problem -> problem.line() > 0)
                .map(problem -> List.of(problem.line(), problem.column())).collect(Collectors.toSet());
        List<Problem> all = new ArrayList<>(read);
        mapped.stream().filter(problem -> !refused.contains(List.of(problem.line(), problem.column())))
                .forEach(all::add);
        all.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return all;
    }

    private static final String ID = "/$id";
    private static final String TABLE = "/x-artifact-metadata/persistence/table";

    /**
     * A problem of the contract's table: at {@code persistence.table} when the contract names its table, else of
     * the file, whose folders name it.
     */
    private static Problem atTable(Contract contract, String message) {
        return contract.explicitTable().isPresent() ? contract.problem(TABLE, message)
                : Problem.in(contract.file(), message);
    }

    /** A {@code $id} that names folders: three words of letters, digits, {@code -} or {@code _}, and no URN. */
    private static final Pattern PLACE_ID = Pattern.compile("(?i)(?!urn:)[\\p{L}\\p{N}_-]+:[\\p{L}\\p{N}_-]+:[\\p{L}\\p{N}_-]+");

    /**
     * A warning when a contract's {@code $id} of the form {@code theme:domain:aspect} names another place
     * than the folders it lies in (compared as table names are derived, so {@code line_item} and
     * {@code line-item} agree): most likely the file moved, and the table of its old place stays behind,
     * data and all, while the new place gets a table of its own. Only the {@code $id} the reader kept
     * is looked at: nothing more is parsed. The old place's table goes to {@code formerTables}, with the
     * warnings {@link #warnings(MigrationIndex)} chooses from (empty here), unless it is the table of another
     * contract (or declared table): then the {@code $id} was copied with the file, and nothing is left behind.
     */
    private static Optional<Problem> idOfAnotherPlace(PlannedTable.ForContract planned,
                                                      Map<String, PlannedTable> owners,
                                                      Map<Path, FormerTable> formerTables) {
        Contract contract = planned.contract();
        String table = planned.table();
        ContractLocation here = contract.location();
        String pathId = here.theme() + ":" + here.domain() + ":" + here.aspect();
        String id = contract.id().orElse(pathId);
        // Not of that form (a URI such as https://…, urn:uuid:… or tag:example.com,2024:…): the $id makes no
        // claim about the folders.
        if (id.equals(pathId) || !PLACE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String[] parts = id.split(":", -1);
        ContractLocation named = new ContractLocation(parts[0], parts[1], parts[2], String.join("/", parts));
        if (SnakeCase.of(named.theme()).equals(SnakeCase.of(here.theme()))
                && SnakeCase.of(named.domain()).equals(SnakeCase.of(here.domain()))
                && SnakeCase.of(named.aspect()).equals(SnakeCase.of(here.aspect()))) {
            return Optional.empty();
        }
        String mismatch = id + ", but the file lies in " + here.theme() + "/" + here.domain()
                + "/, where the $id would be " + pathId;
        Optional<String> oldTable;
        try {
            oldTable = Optional.of(TableName.of(contract.file(), named, Optional.empty()).value());
        } catch (InvalidInputException e) {
            oldTable = Optional.empty();
        }
        if (contract.explicitTable().isPresent() || oldTable.isEmpty() || oldTable.get().equals(table)) {
            return Optional.of(contract.problem(ID, mismatch + "; its table is " + table
                    + " either way: set $id to " + pathId));
        }
        PlannedTable owner = owners.get(oldTable.get());
        if (owner != null) {
            return Optional.of(contract.problem(ID, mismatch + "; the table of that $id, " + oldTable.get()
                    + ", is the one of " + named(owner, planned) + ": set $id to " + pathId));
        }
        String waysOn = "Keep them with x-artifact-metadata.persistence.table \"" + oldTable.get()
                + "\", or rename the table " + oldTable.get() + " to " + table + " in a migration; then set $id to "
                + pathId;
        List<Problem> told = contract.problems(List.of(
                new SchemaProblem(ID, mismatch + ". Its table is " + table + ", not the " + oldTable.get()
                        + " of the $id: if the contract moved, that table and its data are left behind. " + waysOn),
                new SchemaProblem(ID, mismatch + "; its table is " + table + ", and no migration leaves a table "
                        + oldTable.get() + " behind: set $id to " + pathId)));
        formerTables.put(contract.file(), new FormerTable(oldTable.get(), waysOn, told.get(0), told.get(1)));
        return Optional.empty();
    }

    /**
     * A warning at the {@code $id} of each contract whose {@code $id} an earlier contract has, naming that one: a
     * copied contract keeps its original's {@code $id}, and its table's COMMENT names the other contract's. Only a
     * {@code $id} that names no folders (a URI, a bare name) is looked at here: one of the form
     * {@code theme:domain:aspect} is compared with the folders ({@link #idOfAnotherPlace}), which tells the copy.
     */
    private static List<Problem> sameIdTwice(List<Contract> contracts) {
        Map<String, Contract> byId = new HashMap<>();
        List<Problem> warnings = new ArrayList<>();
        for (Contract contract : contracts) {
            Optional<String> id = contract.id().filter(written -> !PLACE_ID.matcher(written).matches());
            Contract first = id.map(written -> byId.putIfAbsent(written, contract)).orElse(null);
            if (first != null) {
                warnings.add(contract.problem(ID, "the same $id as " + named(first.location(),
                        contract.location().key()) + ": a copied contract keeps its original's $id; give it its own"));
            }
        }
        return warnings;
    }

    /** The other one of a clash: a declared table as the build file has it, a contract as below. */
    private static String named(PlannedTable table, PlannedTable clashing) {
        if (!(table instanceof PlannedTable.ForContract contract)) {
            return "the " + table.source() + " of the build's infrastructureTables";
        }
        String clashingKey = clashing instanceof PlannedTable.ForContract other
                ? other.contract().location().key() : "";
        return named(contract.contract().location(), clashingKey);
    }

    /**
     * The other contract of a clash by its key, as the coverage report names contracts (a path under the contracts
     * folder beside the problem's path from the project read like a second path style), and by its path as well
     * when the clashing one has the same key (in nested folders of one domain).
     */
    private static String named(ContractLocation contract, String clashingKey) {
        String key = contract.key();
        return "contract " + key + (key.equals(clashingKey) ? " (" + contract.relativePath() + ")" : "");
    }

    private static List<Problem> sameTableTwice(List<PlannedTable> tables) {
        Map<String, PlannedTable> byTable = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (PlannedTable table : tables) {
            PlannedTable first = byTable.putIfAbsent(table.table(), table);
            if (first != null) {
                // The build file holds every declared table: the message says which one.
                String subject = table instanceof PlannedTable.Declared ? named(table, first) + " " : "";
                String clash = subject + "maps to table " + table.table() + ", as does " + named(first, table)
                        + "; give one of them another name (x-artifact-metadata.persistence.table for a contract)";
                problems.add(table instanceof PlannedTable.ForContract contract ? atTable(contract.contract(), clash)
                        : Problem.in(table.origin(), clash));
            }
        }
        return problems;
    }
}
