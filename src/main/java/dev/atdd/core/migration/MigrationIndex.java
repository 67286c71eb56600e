package dev.atdd.core.migration;

import dev.atdd.core.FileState;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.MergeConflict;
import dev.atdd.core.Problem;
import dev.atdd.core.Utf8Text;
import dev.atdd.core.review.CommentSpan;
import dev.atdd.core.review.Todo;
import dev.atdd.core.review.TodoScanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the migrations folder holds: the migration files in version order, the tables of the
 * {@code public} schema that exist after the last of them, and each file's unreviewed TODOs.
 *
 * <p>Built by one pass over the folder: each file is read once (strict UTF-8) and lexed once, one
 * file per worker thread in memory at a time (files are scanned side by side, their table changes
 * replayed in version order), whatever the number of contracts asked about later. Tables are
 * replayed from {@code CREATE TABLE}, {@code ALTER TABLE .. RENAME TO / SET SCHEMA} and
 * {@code DROP TABLE} (views and types likewise, for the names they take, and named indexes from
 * {@code CREATE INDEX}, {@code ALTER INDEX .. RENAME TO}, {@code DROP INDEX} and what is done to their
 * tables); nothing inside a comment, a string or a dollar-quoted body counts. A name without a schema is one of {@code public} while the
 * search path says so: {@code SET search_path} and {@code RESET} are replayed too, as
 * verify-migrations applies the files on one session (a {@code SET} holds into later files, a
 * {@code SET LOCAL} ends with its file's transaction).
 *
 * <p>Table names are PostgreSQL's own: an unquoted name is folded to lower case, a quoted one keeps
 * its case, so {@code "Order"} and {@code order} are two tables.
 */
public final class MigrationIndex {

    /** A migration that reads or writes rows through the client: what PostgreSQL is sent after it is not SQL. */
    public static final String CLIENT_COPY = "COPY … FROM STDIN / TO STDOUT exchanges rows with the client applying"
            + " the script, as only psql does; the Supabase CLI cannot apply it either: write the rows as INSERT"
            + " statements (supabase db dump --data-only writes them so unless given --use-copy)";

    /** Below this many files, starting parallel work costs more than it saves. */
    private static final int PARALLEL_FROM = 64;
    /** The line the built-in templates start a migration with, before the contract's path. */
    private static final String GENERATED_FROM = "-- Generated from ";

    private final List<MigrationFile> files;
    private final List<SkippedFile> skipped;
    private final Map<String, TableOrigin> tables;
    private final Map<String, GoneTable> goneTables;
    private final Map<String, ViewOrType> viewsAndTypes;
    private final Map<String, TableOrigin> indexes;
    private final Map<MigrationFile, List<Todo>> todos;
    private final Map<MigrationFile, String> generatedFrom;
    private final List<Problem> problems;
    private final boolean unqualifiedNamesEndInPublic;

    private MigrationIndex(List<MigrationFile> files, List<SkippedFile> skipped, MigrationReplay replay,
                           Map<MigrationFile, List<Todo>> todos, Map<MigrationFile, String> generatedFrom,
                           List<Problem> problems) {
        this.unqualifiedNamesEndInPublic = replay.searchPath().resolvesToPublic();
        this.files = List.copyOf(files);
        this.skipped = List.copyOf(skipped);
        this.tables = Map.copyOf(replay.publicTables());
        Map<String, GoneTable> gone = new HashMap<>(replay.goneTables());
        gone.keySet().removeAll(tables.keySet());
        this.goneTables = Map.copyOf(gone);
        this.viewsAndTypes = Map.copyOf(replay.publicViewsAndTypes());
        this.indexes = Map.copyOf(replay.publicIndexes().origins());
        this.todos = Collections.unmodifiableMap(new LinkedHashMap<>(todos));
        this.generatedFrom = Map.copyOf(generatedFrom);
        this.problems = List.copyOf(problems);
    }

    /** Scans with the default TODO markers ({@link TodoScanner#DEFAULT_COMMENT_MARKERS}). */
    public static MigrationIndex scan(Path migrationsDirectory) {
        return scan(migrationsDirectory, TodoScanner.DEFAULT_COMMENT_MARKERS);
    }

    /**
     * Scans the folder. A missing folder is an empty index (the generator creates it); a path that
     * is not a folder, an unreadable or non-UTF-8 file, an unterminated string, comment or
     * dollar-quoted body, and two files sharing a version are {@link #problems()}, never exceptions.
     *
     * @param todoMarkers markers that make a comment an unreviewed TODO, besides {@code ⚠️ TODO:} anywhere
     */
    public static MigrationIndex scan(Path migrationsDirectory, List<String> todoMarkers) {
        return scan(MigrationFiles.list(migrationsDirectory), todoMarkers);
    }

    /** Scans the files of a listing, as {@link #scan(Path, List)} does. */
    public static MigrationIndex scan(MigrationFiles listed, List<String> todoMarkers) {
        TodoScanner todoScanner = new TodoScanner(todoMarkers);
        List<Problem> problems = new ArrayList<>(listed.problems());
        List<MigrationFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        // In the listing's order, by path: the skipped files need no sorting of their own.
        for (FileState state : listed.files()) {
            Path path = state.path();
            Optional<MigrationFile> file = MigrationFile.named(path);
            if (file.isPresent()) {
                files.add(file.get());
            } else {
                skipped.add(SkippedFile.misnamed(path));
            }
        }
        files.sort(Comparator.comparing(MigrationFile::version, MigrationVersion::compare)
                .thenComparing(f -> f.path().getFileName().toString()));
        reportSharedVersions(files, problems);

        // Files are read and lexed side by side; their table changes are then replayed in version order.
        List<FileScan> scans = (files.size() < PARALLEL_FROM ? files.stream() : files.parallelStream())
                .map(file -> scanFile(file, todoScanner))
                .toList();
        MigrationReplay replay = new MigrationReplay();
        Map<MigrationFile, List<Todo>> todos = new LinkedHashMap<>();
        Map<MigrationFile, String> generatedFrom = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            FileScan scan = scans.get(i);
            MigrationFile file = files.get(i);
            scan.generatedFrom().ifPresent(contract -> generatedFrom.put(file, contract));
            scan.tables().replay(replay);
            // MigrationRunner applies each file in a transaction of its own: a SET LOCAL ends with its file.
            replay.endTransaction();
            if (!scan.todos().isEmpty()) {
                todos.put(file, scan.todos());
            }
            problems.addAll(scan.problems());
        }
        return new MigrationIndex(files, skipped, replay, todos, generatedFrom, problems);
    }

    /** True when a table of this exact name (as PostgreSQL stores it) exists after the last migration. */
    public boolean exists(String tableName) {
        return tables.containsKey(tableName);
    }

    /** Where the table was created, when it exists. */
    public Optional<TableOrigin> origin(String tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }

    /**
     * How a table of {@code public} that the migrations made and that no longer exists after the last of them
     * went: dropped, renamed or moved to another schema; empty for a table they never made (or made again).
     * A drop or rename inside a {@code DO} block is not followed, as it may not run.
     */
    public Optional<GoneTable> gone(String tableName) {
        return Optional.ofNullable(goneTables.get(tableName));
    }

    /** The tables of {@code public} that exist after the last migration, sorted. */
    public Set<String> tables() {
        return Collections.unmodifiableSet(new TreeSet<>(tables.keySet()));
    }

    /**
     * The views and types of {@code public} that the migrations made and that exist after the last one,
     * by name: a table cannot take such a name (nor an index a view's).
     */
    public Map<String, ViewOrType> viewsAndTypes() {
        return viewsAndTypes;
    }

    /**
     * The indexes of {@code public} that the migrations made with a name and that exist after the last one,
     * by name, with where each was made: no table or index can take such a name.
     */
    public Map<String, TableOrigin> indexes() {
        return indexes;
    }

    /**
     * Whether a migration added after the last one would create an unqualified {@code CREATE TABLE x}
     * in {@code public}: false when a migration left the session's {@code search_path} on another schema.
     */
    public boolean unqualifiedNamesEndInPublic() {
        return unqualifiedNamesEndInPublic;
    }

    /** The migrations the Supabase CLI applies, in the order it applies them. */
    public List<MigrationFile> files() {
        return files;
    }

    /** {@code .sql} files the Supabase CLI would skip because of their names; the caller should warn. */
    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** The migration with the highest version. */
    public Optional<MigrationFile> latest() {
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1));
    }

    /** The version of the migration the Supabase CLI applies last. */
    public Optional<String> latestVersion() {
        return latest().map(MigrationFile::version);
    }

    /** The files holding unreviewed TODOs, in version order, each with its TODOs in line order. */
    public Map<MigrationFile, List<Todo>> todos() {
        return todos;
    }

    /**
     * The contract a migration the built-in templates wrote was generated from, as its first line names it
     * ({@code -- Generated from shop/order/order.schema.json}, a path under the contracts folder); empty for any
     * other migration.
     */
    public Optional<String> generatedFrom(MigrationFile file) {
        return Optional.ofNullable(generatedFrom.get(file));
    }

    /** The unreviewed TODOs of one file (empty for a file without any). */
    public List<Todo> todos(MigrationFile file) {
        return todos.getOrDefault(file, List.of());
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Supabase keys its migration history by version: a second file with the same one cannot be applied. */
    private static void reportSharedVersions(List<MigrationFile> sorted, List<Problem> problems) {
        for (int i = 1; i < sorted.size(); i++) {
            MigrationFile previous = sorted.get(i - 1);
            MigrationFile file = sorted.get(i);
            if (MigrationVersion.compare(previous.version(), file.version()) == 0) {
                problems.add(Problem.in(file.path(), "has the same version " + file.version() + " as "
                        + previous.path().getFileName() + "; Supabase applies only one migration per version: give one of them"
                        + " a later version (the file name's leading digits)"));
            }
        }
    }

    /**
     * What one file holds: its table changes, its TODOs, the contract it was generated from, and why it could not
     * be read or lexed.
     */
    private record FileScan(TableTracker tables, List<Todo> todos, Optional<String> generatedFrom,
                            List<Problem> problems) {
    }

    /**
     * The tables of {@code public} that {@code sql}, run as a migration on PostgreSQL's default search
     * path, leaves: what a template rendered for one table should make.
     */
    public static Set<String> publicTablesMadeBy(String sql) {
        TableTracker tracker = new TableTracker();
        track(tracker, new MigrationFile(Path.of("rendered.sql"), "0", "rendered"), sql, new ArrayList<>());
        MigrationReplay replay = new MigrationReplay();
        tracker.replay(replay);
        return Set.copyOf(replay.publicTables().keySet());
    }

    /** The single lexer pass of one file, feeding both the table changes and the TODO scanner. */
    private static FileScan scanFile(MigrationFile file, TodoScanner todoScanner) {
        List<Problem> problems = new ArrayList<>(0);
        TableTracker tracker = new TableTracker();
        Optional<String> read = read(file.path(), problems);
        if (read.isEmpty()) {
            return new FileScan(tracker, List.of(), Optional.empty(), problems);
        }
        String text = read.get();
        Optional<Problem> conflict = MergeConflict.in(file.path(), text);
        if (conflict.isPresent()) {
            return new FileScan(tracker, List.of(), Optional.empty(), List.of(conflict.get()));
        }
        List<CommentSpan> comments = new ArrayList<>();
        Optional<SqlLexError> error = track(tracker, file, text, comments);
        if (tracker.clientCopy().isPresent()) {
            problems.add(Problem.at(file.path(), text, tracker.clientCopy().getAsInt(), CLIENT_COPY
                    + "; everything after it is ignored"));
        } else {
            error.ifPresent(e -> problems.add(new Problem(file.path(), e.line(), e.column(),
                    e.message() + "; everything after it is ignored")));
        }
        return new FileScan(tracker, todoScanner.scan(text, comments), generatedFrom(text), problems);
    }

    private static Optional<String> generatedFrom(String text) {
        if (!text.startsWith(GENERATED_FROM)) {
            return Optional.empty();
        }
        int end = text.indexOf('\n');
        String path = text.substring(GENERATED_FROM.length(), end < 0 ? text.length() : end).strip();
        return path.endsWith(".schema.json") ? Optional.of(path) : Optional.empty();
    }

    /**
     * The one lexer pass over a migration's text: its statements to {@code tracker}, its comments to
     * {@code comments}.
     *
     * @return the construct left open at the end of the text, if any
     */
    private static Optional<SqlLexError> track(TableTracker tracker, MigrationFile file, String text,
                                               List<CommentSpan> comments) {
        SqlLexer lexer = new SqlLexer(text);
        tracker.startFile(file, text);
        while (lexer.advance()) {
            if (lexer.kind().isComment()) {
                comments.add(new CommentSpan(lexer.start(), lexer.end()));
            } else if (!tracker.accept(lexer)) {
                break;
            }
        }
        tracker.endFile();
        return lexer.error();
    }

    private static Optional<String> read(Path file, List<Problem> problems) {
        try {
            return Optional.of(Utf8Text.read(file, "Supabase reads migrations as UTF-8"));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }
}
