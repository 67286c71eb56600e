package dev.atdd.core.migration;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the migrations replayed so far have left, file by file in version order as verify-migrations
 * applies them on one session: the tables of {@code public} (and its views, types and named indexes), and the
 * session's {@code search_path}, which decides where the next file's unqualified names go.
 */
final class MigrationReplay {

    private final Map<String, TableOrigin> publicTables = new HashMap<>();
    private final Map<String, ViewOrType> publicViewsAndTypes = new HashMap<>();
    private final PublicIndexes publicIndexes = new PublicIndexes();
    private final Set<String> temporaryTables = new HashSet<>();
    private final Map<String, GoneTable> goneTables = new HashMap<>();
    private final Set<String> fileTemporaryTables = new HashSet<>();
    private SessionSearchPath searchPath = SessionSearchPath.START;

    Map<String, TableOrigin> publicTables() {
        return publicTables;
    }

    Map<String, ViewOrType> publicViewsAndTypes() {
        return publicViewsAndTypes;
    }

    PublicIndexes publicIndexes() {
        return publicIndexes;
    }

    /**
     * The tables of {@code public} a migration dropped, renamed or moved away, by their old name; one made
     * again since may still be listed (see {@link MigrationIndex#gone}).
     */
    Map<String, GoneTable> goneTables() {
        return goneTables;
    }

    /**
     * Records how a table of {@code public} went; a table renamed into it earlier went the same way, so that
     * its old name tells where its rows are now (or that they are gone).
     */
    void tableGone(String name, GoneTable how) {
        goneTables.replaceAll((old, went) -> went.renamedTo().filter(name::equals).isPresent() ? how.after(went)
                : went);
        goneTables.put(name, how);
    }

    /** The temporary tables the session made: they last until it ends. */
    Set<String> temporaryTables() {
        return temporaryTables;
    }

    SearchPath searchPath() {
        return searchPath.current();
    }

    void set(SearchPath path) {
        searchPath = searchPath.set(path);
    }

    void setLocal(SearchPath path) {
        searchPath = searchPath.setLocal(path);
    }

    /**
     * The temporary tables the current file made outside a {@code DO} block: an unqualified {@code DROP TABLE}
     * or {@code RENAME} of that name later in the file takes the temporary table, not the one of
     * {@code public}. Forgotten at the file's end: {@code ON COMMIT DROP} ends with its transaction, and a
     * deploy runs later files in a session of its own.
     */
    Set<String> fileTemporaryTables() {
        return fileTemporaryTables;
    }

    void endTransaction() {
        fileTemporaryTables.clear();
        searchPath = searchPath.endTransaction();
    }
}
