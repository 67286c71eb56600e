package dev.atdd.core.verify;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.database.MigrationRunner;
import dev.atdd.core.database.SchemaSnapshot;
import dev.atdd.core.database.ScratchDatabase;
import dev.atdd.core.database.SqlScript;
import dev.atdd.core.database.SupabasePrelude;
import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.TableOrigin;
import dev.atdd.core.plan.RelationalMapping;
import dev.atdd.core.plan.TablePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the whole schema from the migrations on a throwaway PostgreSQL, then checks the database
 * itself against the contracts. The database is removed afterwards, whatever happened.
 */
public final class MigrationVerifier {

    private static final String SCHEMA = "public";

    private final Supplier<ScratchDatabase> database;
    private final SupabasePrelude prelude;

    /** @param database where to build: {@link ScratchDatabase#embedded()} or a server's scratch database */
    public MigrationVerifier(Supplier<ScratchDatabase> database, SupabasePrelude prelude) {
        this.database = database;
        this.prelude = prelude;
    }

    /**
     * Whether a database would show nothing (a parent pom, a module without contracts): no migration to
     * apply and no table to look for. {@link #verify} then starts none; the prelude alone is not the
     * project's to check.
     */
    public static boolean nothingToVerify(TablePlan plan, MigrationIndex index) {
        return index.files().isEmpty() && plan.tables().isEmpty();
    }

    /**
     * @param plan           the tables the contracts ask for, without problems
     * @param index          the migrations, without problems; applied in its version order
     * @param existingTables tables made outside these migrations, which the scratch database lacks
     * @throws InvalidInputException when the plan or the index holds problems, or a relational contract
     *                               cannot be mapped or a contract's index built (found before the database
     *                               starts)
     * @throws dev.atdd.core.database.MigrationFailedException at the first migration PostgreSQL rejects
     * @throws dev.atdd.core.database.ScratchDatabaseException when the database cannot be started or reached
     */
    public VerificationReport verify(TablePlan plan, MigrationIndex index, Set<String> existingTables) {
        List<Problem> problems = new ArrayList<>(plan.problems());
        problems.addAll(index.problems());
        // Before the database: finding an unmappable contract or an index that cannot be built needs no
        // PostgreSQL started and no migration run.
        RelationalMapping relational = RelationalMapping.of(plan);
        problems.addAll(relational.problems());
        ContractIndexes indexes = ContractIndexes.of(plan, relational);
        problems.addAll(indexes.problems());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (nothingToVerify(plan, index)) {
            return new VerificationReport(List.of(), List.of(), List.of(), Set.of(), Map.of());
        }
        List<Path> migrations = index.files().stream().map(MigrationFile::path).toList();
        try (ScratchDatabase scratch = database.get()) {
            if (prelude.includesBuiltIn()) {
                // The built-in prelude makes the database what Supabase's is before any migration; the
                // migrations then run in a new session, as the Supabase CLI applies them: what the prelude
                // set for the database holds there (RESET ALL returns to Supabase's search path).
                new MigrationRunner(scratch.connection()).applyPrelude(SupabasePrelude.builtIn());
                scratch.newSession();
            }
            MigrationRunner runner = new MigrationRunner(scratch.connection());
            Set<String> preludeFileTables = Set.of();
            if (prelude.userScript().isPresent()) {
                // A user's prelude file runs in the migrations' session: what it SETs holds for them. The
                // built-in prelude makes no public table, so every one there now is the file's.
                runner.applyPrelude(SupabasePrelude.userFileOnly(prelude.userScript().get()));
                preludeFileTables = tableNames(SchemaSnapshot.read(scratch.connection(), SCHEMA));
            }
            List<Path> applied = runner.apply(migrations);
            SchemaSnapshot schema = SchemaSnapshot.read(scratch.connection(), SCHEMA);
            Set<String> anotherModules = preludeFileTables.stream().filter(name -> index.origin(name).isEmpty())
                    .collect(Collectors.toSet());
            List<Drift> drift = SchemaDrift.compare(plan, relational, indexes, schema, existingTables);
            return new VerificationReport(applied, drift, unprotected(schema, index, preludeFileTables), anotherModules,
                    origins(drift, index));
        }
    }

    /** Where the migrations made each table whose columns or indexes drift (a missing table has no place to fix). */
    private static Map<String, TableOrigin> origins(List<Drift> drift, MigrationIndex index) {
        Map<String, TableOrigin> origins = new HashMap<>();
        drift.stream().filter(Drift::inBuiltTable).map(Drift::table)
                .forEach(table -> index.origin(table).ifPresent(origin -> origins.put(table, origin)));
        return origins;
    }

    /** The public tables without row level security, each with the migration or prelude file that made it. */
    private List<UnprotectedTable> unprotected(SchemaSnapshot schema, MigrationIndex index,
                                               Set<String> preludeFileTables) {
        return SchemaDrift.withoutRowLevelSecurity(schema).stream().map(name -> {
            Optional<TableOrigin> migration = index.origin(name);
            Optional<Path> preludeFile = migration.isEmpty() && preludeFileTables.contains(name)
                    ? prelude.userScript().map(SqlScript::file) : Optional.empty();
            return new UnprotectedTable(name, migration, preludeFile);
        }).toList();
    }

    private static Set<String> tableNames(SchemaSnapshot schema) {
        return schema.tables().stream().map(SchemaSnapshot.Table::name).collect(Collectors.toSet());
    }
}
