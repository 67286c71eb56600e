package dev.atdd.core.verify;

import dev.atdd.core.database.MigrationFailure;
import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.MigrationVersion;
import dev.atdd.core.migration.TableOrigin;
import dev.atdd.core.naming.TableName;
import java.util.Optional;
import java.util.Set;

/**
 * What to do about a migration that failed over a table of {@code public}, told under the failure, from
 * what the migration index knows of where tables are made.
 *
 * <p>A table the server lacks: a later migration of this module makes it, which must then come first,
 * or a statement further down the same one; or another module or tool, whose tables a prelude file
 * makes (existingTables only tells the checks they exist). A migration that ran before and was to make
 * it did not: no order is to blame. A table (or index) made twice: the statement that made it first.
 */
public final class TableAdvice {

    private TableAdvice() {
    }

    /** The advice for a migration's failure on a missing or twice-made table, or empty for any other failure. */
    public static Optional<String> of(MigrationFailure failed, MigrationIndex index, Set<String> existingTables) {
        return failed.missingTable().map(table -> missing(table, failed, index, existingTables))
                .or(() -> failed.duplicateRelation().flatMap(name -> madeBefore(name, failed, index)));
    }

    /** Where the first of two statements making {@code name} is, when it is not the failing one itself. */
    private static Optional<String> madeBefore(String name, MigrationFailure failed, MigrationIndex index) {
        return Optional.ofNullable(index.origin(name).orElse(index.indexes().get(name)))
                .filter(first -> !first.file().path().equals(failed.file()) || first.line() < failed.line())
                .map(first -> name + " is made before, by " + first.where() + ": keep one of the two statements"
                        + " (or write IF NOT EXISTS in the later one).");
    }

    private static String missing(String table, MigrationFailure failed, MigrationIndex index,
                                  Set<String> existingTables) {
        Optional<TableOrigin> origin = index.origin(table);
        if (origin.isPresent()) {
            TableOrigin made = origin.get();
            if (!made.file().path().equals(failed.file())) {
                String failedVersion = MigrationFile.named(failed.file()).map(MigrationFile::version).orElse("");
                return MigrationVersion.compare(made.file().version(), failedVersion) > 0
                        ? table + " is made by " + made.where() + ": a migration that references it needs a"
                                + " later version than that one."
                        : table + " is made by " + made.where() + ", which ran before this migration, yet the"
                                + " server lacks it: see what kept that statement from making it in public (a"
                                + " condition, another schema).";
            }
            if (failed.line() > 0 && made.line() > failed.line()) {
                return table + " is made further down this migration, at line " + made.line() + ": make it"
                        + " before the statement that references it.";
            }
        }
        String preludeFile = "create it in a preludeFile (the plugin's docs/supabase-prelude.md, \"Tables another"
                + " module makes\").";
        // existingTables refuses a name written otherwise (quoted, in capitals): no contract's table has it.
        return existingTables.contains(table)
                ? table + " is in existingTables, made by another module or tool; the database the migrations"
                        + " are verified on needs it too: " + preludeFile
                // The same error names a missing sequence or view: the advice is for a table.
                : "If " + table + " is a table another module or tool makes, "
                        + (TableName.isWrittenForm(table) ? "list it in existingTables and " : "") + preludeFile;
    }
}
