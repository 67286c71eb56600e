package dev.atdd.core.verify;

import dev.atdd.core.database.MigrationFailure;
import dev.atdd.core.migration.GoneTable;
import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.MigrationVersion;
import dev.atdd.core.migration.TableOrigin;
import dev.atdd.core.migration.ViewOrType;
import dev.atdd.core.naming.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to do about a migration that failed over a table of {@code public}, told under the failure, from
 * what the migration index knows of where tables are made.
 *
 * <p>A table the server lacks: a later migration of this module makes it, which must then come first,
 * or a statement further down the same one; or another module or tool, whose tables a prelude file
 * makes (existingTables only tells the checks they exist); or a table an earlier statement dropped, renamed or
 * moved, which the failing one still references. A migration that ran before and was to make
 * it did not: no order is to blame. A table, view or index made twice: the statement that made it first,
 * and whether to keep one of the two or name the later otherwise.
 */
public final class TableAdvice {

    private TableAdvice() {
    }

    /** The advice for a migration's failure on a missing or twice-made table, or empty for any other failure. */
    public static Optional<String> of(MigrationFailure failed, MigrationIndex index, Set<String> existingTables) {
        return failed.missingTable().map(table -> missing(table, failed, index, existingTables))
                .or(() -> failed.duplicateRelation().flatMap(name -> madeBefore(name, failed, index)));
    }

    /**
     * Where the first of two statements making {@code name} is, when it ran before the failing one: the table,
     * view or index of that name the migrations leave. Tables, views and indexes share the schema's names, so
     * two of one name are not always one thing made twice: an index name taken by another table's index, or a
     * name the index knows as two kinds of relation, wants another name, not one statement left out.
     */
    private static Optional<String> madeBefore(String name, MigrationFailure failed, MigrationIndex index) {
        List<Made> holders = new ArrayList<>();
        index.origin(name).ifPresent(origin -> holders.add(new Made("table", origin)));
        Optional.ofNullable(index.viewsAndTypes().get(name)).filter(ViewOrType::isRelation)
                .ifPresent(view -> holders.add(new Made(view.kind(), view.origin())));
        Optional.ofNullable(index.indexes().get(name)).ifPresent(origin -> holders.add(new Made("index", origin)));
        return holders.stream().filter(made -> ranBefore(made.origin(), failed)).findFirst().map(first -> {
            String where = " made before, by " + first.origin().where() + ": ";
            if (holders.size() > 1) {
                return name + " is " + first.described() + where + "tables, views and indexes share the schema's"
                        + " names: give the later one another name.";
            }
            return switch (first.kind()) {
                // IF NOT EXISTS would pass, and silently drop whatever the later statement defines otherwise.
                case "table" -> name + " is" + where + "keep one statement, with what both define (IF NOT EXISTS"
                        + " on the later one would skip it whole).";
                case "index" -> name + " is " + first.described() + where + "index names are the schema's, not a"
                        + " table's: give the later index another name.";
                default -> name + " is " + first.described() + where + "keep one of the two statements.";
            };
        });
    }

    /** A table, view or index, by what it is, and where the migrations made it. */
    private record Made(String kind, TableOrigin origin) {

        /** {@code a table}, {@code an index}, {@code a materialized view}. */
        String described() {
            return (kind.equals("index") ? "an " : "a ") + kind;
        }
    }

    /** Whether the statement at {@code origin} ran before the failing one: in an earlier migration, or above it. */
    private static boolean ranBefore(TableOrigin origin, MigrationFailure failed) {
        if (origin.file().path().equals(failed.file())) {
            return origin.line() < failed.line();
        }
        String failedVersion = MigrationFile.named(failed.file()).map(MigrationFile::version).orElse("");
        return MigrationVersion.compare(origin.file().version(), failedVersion) < 0;
    }

    /** The advice for a table the migrations made and then dropped, renamed or moved before the failing statement. */
    private static String goneBefore(String table, GoneTable left, MigrationFailure failed) {
        boolean sameFile = left.by().file().path().equals(failed.file());
        String when = sameFile ? ", above this statement" : ", which ran before this migration";
        String instead = left.renamedTo().map(name -> "reference " + name + " instead.")
                .or(() -> left.movedToSchema().map(schema -> "reference " + schema + "." + table + " instead."))
                .orElse("make it again before this " + (sameFile ? "statement" : "migration")
                        + ", or leave out what references it.");
        return table + " was " + left.describe() + when + ": " + instead;
    }

    private static String missing(String table, MigrationFailure failed, MigrationIndex index,
                                  Set<String> existingTables) {
        // Above or below the failing line of its own file only when that line is known.
        Optional<TableOrigin> origin = index.origin(table).filter(made -> !made.file().path().equals(failed.file())
                || failed.line() > 0 && made.line() != failed.line());
        if (origin.isPresent()) {
            TableOrigin made = origin.get();
            boolean sameFile = made.file().path().equals(failed.file());
            if (ranBefore(made, failed)) {
                return table + " is made " + (sameFile ? "above, at line " + made.line()
                        : "by " + made.where() + ", which ran before this migration") + ", yet the server lacks it:"
                        + " see what kept that statement from making it in public (a condition, another schema).";
            }
            return sameFile
                    ? table + " is made further down this migration, at line " + made.line() + ": make it before the"
                            + " statement that references it."
                    : table + " is made by " + made.where() + ": a migration that references it needs a later"
                            + " version than that one.";
        }
        Optional<String> gone = index.gone(table).filter(left -> ranBefore(left.by(), failed))
                .map(left -> goneBefore(table, left, failed));
        if (gone.isPresent()) {
            return gone.get();
        }
        String preludeFile = "create it in a preludeFile (the plugin's docs/supabase-prelude.md, \"Tables another"
                + " module makes\").";
        // users written for auth.users, most likely; yet another module may make a sessions of its own.
        Optional<String> supabase = MigrationFailure.supabaseTableNamed(table);
        if (supabase.isPresent() && !existingTables.contains(table)) {
            return "No migration makes " + table + " in public. If it stands for Supabase's " + supabase.get()
                    + ", reference it as " + supabase.get() + "; if it is a table another module or tool makes, list"
                    + " it in existingTables and " + preludeFile;
        }
        // existingTables refuses a name written otherwise (quoted, in capitals): no contract's table has it.
        return existingTables.contains(table)
                ? table + " is in existingTables, made by another module or tool; the database the migrations"
                        + " are verified on needs it too: " + preludeFile
                // The same error names a missing sequence or view: the advice is for a table.
                : "If " + table + " is a table another module or tool makes, "
                        + (TableName.isWrittenForm(table) ? "list it in existingTables and " : "") + preludeFile;
    }
}
