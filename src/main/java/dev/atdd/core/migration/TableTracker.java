package dev.atdd.core.migration;

import dev.atdd.core.naming.PgIdentifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The table DDL of one migration, for the {@code public} schema (and that of its views, types and
 * named indexes, whose names a table or index cannot take), and its {@code search_path} changes, as
 * changes to replay in version order onto what exists before it: files are scanned side by side, but
 * where an unqualified name goes depends on the search path earlier files left. Fed token by token from
 * the lexer pass, it keeps the positions (not the text) of the first tokens of a {@code CREATE}/{@code
 * ALTER}/{@code DROP} statement of a table, view, type or index and of a {@code SET}/{@code RESET
 * search_path}, so it stays small and makes strings only of the names it reads.
 */
final class TableTracker {

    private static final String PUBLIC = "public";
    private static final String SEARCH_PATH = "search_path";
    /** Enough for the longest prefix read: {@code alter table if exists only "public"."t" * rename to n}. */
    private static final int PREFIX_TOKENS = 16;
    /** {@code select pg_catalog . set_config ( 'search_path' , '…' , false ) as name}. */
    private static final int SET_CONFIG_TOKENS = 13;
    private static final List<String> VIEW_OR_TYPE_KINDS = List.of("view", "type", "domain");
    private static final String INDEX = "index";
    private static final String PG_TEMP = "pg_temp";
    /** {@code INTO UNLOGGED TABLE database . schema . table}. */
    private static final int INTO_TOKENS = 10;
    private static final int CALL_NONE = 0;
    private static final int CALL_NAME_NEXT = 1;
    private static final int CALL_NAME_READ = 2;

    /** What this file does, in order: files are scanned side by side, then replayed in version order. */
    private final List<Consumer<MigrationReplay>> changes = new ArrayList<>();
    private final StatementTokens statement = new StatementTokens();
    private boolean collecting = true;
    /**
     * Until the word {@code TABLE} (or {@code VIEW}, {@code TYPE}, {@code DOMAIN}) shows up, each token
     * must still fit such a statement's prefix.
     */
    private boolean kindSeen;
    /** The statement starts with {@code SET} or {@code RESET}. */
    private boolean setting;
    /** Until the setting's name shows up, each token must still fit a search path statement's prefix. */
    private boolean searchPathSeen;
    /** The statement starts with {@code DO}: its dollar-quoted body runs with the migration. */
    private boolean doBlock;
    /** The statement starts with {@code SELECT} and is still short enough to be a {@code set_config} call. */
    private boolean selecting;
    /** Reading a {@code DO} block's body, where a table's drops and renames are not followed (see {@link #block}). */
    private boolean inBlock;
    /** The statement starts with {@code DROP} or {@code ALTER}: it may drop what depends on it, by {@code CASCADE}. */
    private boolean mayCascade;
    /**
     * Such a statement has a {@code CASCADE} ({@code DROP TABLE t CASCADE}, {@code ALTER TABLE t DROP COLUMN c
     * CASCADE, ...}) that is not a foreign key's referential action.
     */
    private boolean cascading;
    /**
     * The statement's tokens before the current one are {@code ON DELETE} or {@code ON UPDATE}, which ({@code ON}
     * being reserved) only a foreign key has: a {@code CASCADE} now says what deleting or updating a referenced row
     * will do, and drops nothing.
     */
    private boolean referentialAction;
    /**
     * Such a statement has a later {@code DROP} ({@code ALTER TABLE t DROP COLUMN c} drops the indexes on c)
     * or {@code USING INDEX} ({@code ADD CONSTRAINT k UNIQUE USING INDEX i} renames i to k).
     */
    private boolean dropping;
    /** Reading {@code CALL name(}: a statement starting with the word {@code call} may assign a variable of that name. */
    private int callName = CALL_NONE;
    /**
     * The statement's token before the current one, for the words that change what the next means: {@code USING
     * INDEX}, {@code LANGUAGE 'plpgsql'}, {@code IS DISTINCT FROM}, {@code ON DELETE}.
     * Its kind is null at the statement's start.
     */
    private SqlTokenKind previousKind;
    private int previousStart;
    private int previousEnd;
    /**
     * A top-level {@code SELECT} (or the first {@code SELECT} of a top-level {@code WITH} or parenthesized query, see
     * {@link #seekSelect}) not yet past its {@code FROM}:
     * {@code SELECT ... INTO [TEMP|UNLOGGED] [TABLE] t} makes a table (in a {@code DO} block it fills variables),
     * read from {@code into}.
     */
    private boolean selectInto;
    /**
     * A top-level statement opened by parentheses or {@code WITH}, not yet at the {@code SELECT} that may take
     * an {@code INTO}: see {@link #seekSelect}.
     */
    private boolean seekingSelect;
    /** The parentheses open in a top-level {@code SELECT}, or in a {@code WITH} query's body before it. */
    private int selectDepth;
    private final StatementTokens into = new StatementTokens();
    /**
     * The statement is a {@code CALL}, or a {@code DO} block's body holds an {@code EXECUTE}: DDL that is
     * not read here may drop or rename any index, view or type.
     */
    private boolean unreadDdl;
    /** A top-level {@code COPY}: where it starts, and what it copies with. */
    private int copyStart = -1;
    private ClientCopy copy;
    /** Where a {@code COPY … FROM STDIN / TO STDOUT} starts, once one has ended: what follows is psql's rows. */
    private int clientCopyAt = -1;
    private MigrationFile file;
    private String text;

    /** Starts the file (one per tracker), whose text the lexer positions refer to. */
    void startFile(MigrationFile migration, String fileText) {
        endStatement();
        file = migration;
        text = fileText;
    }

    /**
     * Takes the lexer's current token, which must not be a comment.
     *
     * @return whether to read on: false once a {@link #clientCopy} has ended, as what follows is not SQL
     */
    boolean accept(SqlLexer lexer) {
        if (lexer.isPunctuation(';')) {
            endStatement();
            return clientCopyAt < 0;
        }
        if (doBlock && lexer.kind() == SqlTokenKind.DOLLAR_STRING) {
            block(lexer);
            return true;
        }
        // A DO block whose body is written as a plain string is not read: what it does is not known (the
        // string after LANGUAGE names the language).
        unreadDdl |= doBlock && lexer.kind() == SqlTokenKind.STRING && !afterWord("language");
        if (callName != CALL_NONE) {
            call(lexer);
        }
        dropping |= mayCascade && (lexer.isWord("drop") || afterWord("using") && lexer.isWord(INDEX));
        if (mayCascade) {
            cascading |= lexer.isWord("cascade") && !referentialAction;
            referentialAction = afterWord("on") && (lexer.isWord("delete") || lexer.isWord("update"));
        }
        if (inBlock && lexer.isWord("execute")) {
            unreadDdl = true;
        }
        if (selectInto) {
            selectInto(lexer);
        }
        if (seekingSelect) {
            seekSelect(lexer);
        }
        if (copyStart >= 0) {
            copy.accept(lexer);
        }
        previousKind = lexer.kind();
        previousStart = lexer.start();
        previousEnd = lexer.end();
        if (!collecting) {
            return true;
        }
        if (statement.size == 0) {
            callName = lexer.isWord("call") ? CALL_NAME_NEXT : CALL_NONE;
            mayCascade = lexer.isWord("drop") || lexer.isWord("alter");
            doBlock = lexer.isWord("do");
            setting = lexer.isWord("set") || lexer.isWord("reset");
            selecting = lexer.isWord("select");
            selectInto = selecting && !inBlock;
            seekingSelect = (lexer.isWord("with") || lexer.isPunctuation('(')) && !inBlock;
            copyStart = lexer.isWord("copy") && !inBlock ? lexer.start() : -1;
            copy = copyStart >= 0 ? new ClientCopy() : null;
            collecting = setting || selecting || mayCascade || lexer.isWord("create");
        } else if (selecting) {
            // SELECT pg_catalog.set_config('search_path', '', false) AS x is 13 tokens: a longer SELECT is not one.
            selecting = statement.size < SET_CONFIG_TOKENS;
            collecting = selecting;
        } else if (setting) {
            // A search path statement is kept whole (its list of schemas); SET ROLE and the like stop at their name.
            if (!searchPathSeen) {
                searchPathSeen = isSearchPathName(text, lexer.kind(), lexer.start(), lexer.end())
                        || lexer.isWord("schema") || lexer.isWord("all");
                collecting = searchPathSeen
                        || (statement.size == 1 && (lexer.isWord("session") || lexer.isWord("local")));
            }
        } else if (!kindSeen) {
            kindSeen = lexer.isWord("table") || lexer.isWord(INDEX) || isViewOrTypeWord(lexer);
            collecting = kindSeen || lexer.isWord("materialized")
                    || (statement.isWord(text, 0, "create") && isCreateModifier(lexer));
        } else if (lexer.isPunctuation('(')
                || (statement.size >= PREFIX_TOKENS && !statement.isWord(text, 0, "drop"))) {
            // Every name read comes before the first parenthesis (a column list, a CHECK...).
            collecting = false;
        }
        if (collecting) {
            statement.add(lexer);
        }
        return true;
    }

    /**
     * A {@code DO} block's body (PL/pgSQL) runs when the migration does, unlike a function's: its
     * {@code CREATE TABLE} statements count as the file's own, under a condition too ({@code IF NOT
     * EXISTS (...) THEN CREATE TABLE t} leaves {@code t} there either way), so a statement also starts
     * after {@code BEGIN}, {@code THEN}, {@code ELSE} and {@code LOOP}; so are its search path changes,
     * which decide where those tables go. A table's drops and renames there are not followed: which
     * branch runs, and whether an {@code EXCEPTION} clause catches a failure, is not known without running
     * it, and taking them as done would lose tables that stay. A view's, type's or index's name is let go
     * on a drop, a rename or a move there (so are the indexes of a table altered or dropped there), and no
     * new one taken: a name held wrongly would refuse a table that applies. SQL built as a string for
     * {@code EXECUTE} is not read.
     */
    private void block(SqlLexer lexer) {
        int start = lexer.start();
        int end = lexer.end();
        int tag = text.indexOf('$', start + 1) - start + 1;
        if (end - start < 2 * tag || !text.regionMatches(start, text, end - tag, tag)) {
            return; // left open: the lexer reports it
        }
        endStatement();
        SqlLexer body = new SqlLexer(text, start + tag, end - tag, lexer.line(), start - lexer.column() + 1);
        boolean outer = inBlock;
        inBlock = true;
        while (body.advance()) {
            if (body.kind().isComment()) {
                continue;
            }
            if (body.isWord("begin") || body.isWord("then") || body.isWord("else") || body.isWord("loop")) {
                endStatement();
            } else {
                accept(body);
            }
        }
        endStatement();
        inBlock = outer;
    }

    /** A file's last statement needs no {@code ;}. The text is let go: only the changes are kept. */
    void endFile() {
        endStatement();
        text = null;
    }

    /** Applies this file's changes, in statement order, to what exists before it. */
    void replay(MigrationReplay replay) {
        changes.forEach(change -> change.accept(replay));
    }

    /** What may stand between {@code CREATE} and {@code TABLE}, {@code VIEW} or {@code INDEX}; else other DDL. */
    private static boolean isCreateModifier(SqlLexer lexer) {
        return lexer.isWord("unique") || lexer.isWord("global") || lexer.isWord("local")
                || lexer.isWord("temporary") || lexer.isWord("temp") || lexer.isWord("unlogged") || lexer.isWord("or")
                || lexer.isWord("replace") || lexer.isWord("recursive");
    }

    private static boolean isViewOrTypeWord(SqlLexer lexer) {
        for (String kind : VIEW_OR_TYPE_KINDS) {
            if (lexer.isWord(kind)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code search_path} as a word in any case or, since PostgreSQL compares setting names ignoring
     * case, quoted in any case.
     */
    private static boolean isSearchPathName(String text, SqlTokenKind kind, int start, int end) {
        return SqlLexer.isWord(text, kind, start, end, SEARCH_PATH)
                || (kind == SqlTokenKind.QUOTED_IDENTIFIER && end - start == SEARCH_PATH.length() + 2
                && text.charAt(start) == '"'
                && text.regionMatches(true, start + 1, SEARCH_PATH, 0, SEARCH_PATH.length()));
    }

    /** Follows a top-level SELECT's tokens at its own level to an INTO, then keeps the few that name the table. */
    private void selectInto(SqlLexer lexer) {
        if (into.size > 0) {
            into.add(lexer);
            // INTO UNLOGGED TABLE database.schema.table
            selectInto = into.size < INTO_TOKENS;
        } else if (lexer.isPunctuation('(')) {
            selectDepth++;
        } else if (lexer.isPunctuation(')')) {
            selectDepth--;
        } else if (selectDepth == 0 && lexer.isWord("into")) {
            into.add(lexer);
        } else if (selectDepth == 0 && lexer.isWord("from") && !afterWord("distinct")) {
            selectInto = false;
        }
    }

    /**
     * Passes over what may stand before a top-level query's first {@code SELECT} (the one that may take an
     * {@code INTO}): parentheses around it ({@code (select ... into t)}, {@code with a as (...) (select ...)}) and
     * {@code WITH} clauses, whose queries' bodies, in parentheses after {@code AS} or {@code MATERIALIZED}, are
     * passed over whole. The first {@code SELECT} outside such a body is then followed as a {@code SELECT ...
     * INTO}. {@code SELECT} is a reserved word, so that is the statement's own query: no name, and no word of a
     * {@code SEARCH} or {@code CYCLE} clause. The other statements a {@code WITH} starts make no table: an
     * {@code INSERT} has its {@code INTO} before any such {@code SELECT}, and the one that follows it takes none;
     * {@code UPDATE}, {@code DELETE} and {@code MERGE} have theirs in parentheses only.
     */
    private void seekSelect(SqlLexer lexer) {
        if (selectDepth > 0) {
            selectDepth += lexer.isPunctuation('(') ? 1 : lexer.isPunctuation(')') ? -1 : 0;
        } else if (lexer.isPunctuation('(') && (afterWord("as") || afterWord("materialized"))) {
            selectDepth = 1;
        } else if (lexer.isWord("select")) {
            seekingSelect = false;
            selectInto = true;
        }
    }

    /**
     * Where a {@code COPY … FROM STDIN} or {@code TO STDOUT} starts, once one has ended: rows exchanged with
     * psql follow it, not SQL, so the file is read no further.
     */
    OptionalInt clientCopy() {
        return clientCopyAt < 0 ? OptionalInt.empty() : OptionalInt.of(clientCopyAt);
    }

    /** Whether the statement's token before the current one is the unquoted word {@code lowerCaseKeyword}. */
    private boolean afterWord(String lowerCaseKeyword) {
        return SqlLexer.isWord(text, previousKind, previousStart, previousEnd, lowerCaseKeyword);
    }

    /** {@code CALL [schema.]procedure(}: what the procedure does is not known. */
    private void call(SqlLexer lexer) {
        boolean name = lexer.kind() == SqlTokenKind.WORD || lexer.kind() == SqlTokenKind.QUOTED_IDENTIFIER;
        if (callName == CALL_NAME_NEXT && name) {
            callName = CALL_NAME_READ;
        } else if (callName == CALL_NAME_READ && lexer.isPunctuation('.')) {
            callName = CALL_NAME_NEXT;
        } else {
            unreadDdl |= callName == CALL_NAME_READ && lexer.isPunctuation('(');
            callName = CALL_NONE;
        }
    }

    private void endStatement() {
        // Only constraints depend on an index: a DROP INDEX ... CASCADE takes no other index along.
        boolean indexDrop = kindSeen && statement.size > 1 && statement.isWord(text, 1, INDEX);
        if (statement.size > 0 && kindSeen) {
            apply(new Cursor(statement, text));
        } else if (statement.size > 0 && searchPathSeen) {
            searchPath(new Cursor(statement, text));
        } else if (statement.size > 0 && selecting) {
            setConfig(new Cursor(statement, text));
        }
        if (into.size > 0) {
            selectedInto(new Cursor(into, text));
            into.size = 0;
        }
        if (copyStart >= 0 && copy.withClient()) {
            clientCopyAt = copyStart;
        }
        copyStart = -1;
        copy = null;
        selectInto = false;
        seekingSelect = false;
        selectDepth = 0;
        statement.size = 0;
        collecting = true;
        kindSeen = false;
        setting = false;
        searchPathSeen = false;
        if (cascading) {
            // What depended on what was dropped went with it (views on a table, column, function or type; domains
            // and ranges on a type; indexes on a column of a type, on a function's result, by an extension's operator
            // class, or of a materialized view): which ones is not known here, and a name wrongly held refuses a
            // table that applies.
            changes.add(replay -> {
                replay.publicViewsAndTypes().values().removeIf(ViewOrType::mayDependOnOthers);
                if (!indexDrop) {
                    replay.publicIndexes().clear();
                }
            });
        }
        if (unreadDdl && !inBlock) {
            // What the procedure or the EXECUTEd string did is not known: a name wrongly held refuses a table.
            changes.add(replay -> {
                replay.publicIndexes().clear();
                replay.publicViewsAndTypes().clear();
            });
            unreadDdl = false;
        }
        doBlock = false;
        selecting = false;
        mayCascade = false;
        cascading = false;
        referentialAction = false;
        dropping = false;
        callName = CALL_NONE;
        previousKind = null;
    }

    /**
     * {@code SET [SESSION|LOCAL] search_path {TO|=} {DEFAULT | schema [, ...]}}, its alias
     * {@code SET [SESSION|LOCAL] SCHEMA 'schema'}, {@code RESET search_path} and {@code RESET ALL}.
     * Anything else ({@code FROM CURRENT}, which changes nothing, or a form not understood) leaves the
     * path as it is.
     */
    private void searchPath(Cursor c) {
        if (c.words("reset")) {
            if ((c.searchPathName() || c.words("all")) && c.atEnd()) {
                changes.add(replay -> replay.set(SearchPath.DEFAULT));
            }
            return;
        }
        c.words("set");
        boolean local = c.words("local");
        if (!local) {
            c.words("session");
        }
        SearchPath path = null;
        if (c.words("schema")) {
            String schema = c.settingValue();
            path = schema == null ? null : new SearchPath(List.of(schema));
        } else if (c.searchPathName() && (c.words("to") || c.operator('='))) {
            path = c.words("default") ? SearchPath.DEFAULT : c.searchPathList();
        }
        if (path == null || !c.atEnd()) {
            return;
        }
        SearchPath set = path;
        changes.add(local ? replay -> replay.setLocal(set) : replay -> replay.set(set));
    }

    /**
     * {@code SELECT [pg_catalog.]set_config('search_path', 'schema, ...', is_local) [AS name]}, the way pg_dump's
     * output sets the path (to {@code ''}, nothing at all). Any other form, or a value not read as a
     * list of names, leaves the path as it is.
     */
    private void setConfig(Cursor c) {
        c.words("select");
        if (c.words("pg_catalog") && !c.punctuation('.')) {
            return;
        }
        if (!c.words("set_config") || !c.punctuation('(')) {
            return;
        }
        String name = c.string();
        if (name == null || !name.equalsIgnoreCase(SEARCH_PATH) || !c.punctuation(',')) {
            return;
        }
        String value = c.string();
        if (value == null || !c.punctuation(',')) {
            return;
        }
        boolean local = c.words("true");
        if (!local && !c.words("false") || !c.punctuation(')') || c.words("as") && c.identifier() == null
                || !c.atEnd()) {
            return;
        }
        SearchPath path = SearchPath.parse(value);
        if (path != null) {
            changes.add(local ? replay -> replay.setLocal(path) : replay -> replay.set(path));
        }
    }

    /**
     * Inside a {@code DO} block a table's drop or rename is not followed (see {@link #block}), but a view's,
     * type's or index's is, and the indexes on a table there altered or dropped are let go: a name the
     * index holds wrongly would refuse a table that applies.
     */
    private void apply(Cursor c) {
        TableOrigin here = new TableOrigin(file, statement.lines[0], statement.columns[0]);
        if (c.words("create")) {
            create(c, here);
        } else if (c.words("alter", "table")) {
            if (inBlock) {
                letIndexesGo(c);
            } else {
                alter(c, null, here);
            }
        } else if (c.words("drop", "table")) {
            forgetIndexesOfPartitions();
            if (inBlock) {
                letIndexesGo(c);
            } else {
                drop(c, null, here);
            }
        } else if (c.words("alter", INDEX)) {
            alter(c, INDEX, here);
        } else if (c.words("drop", INDEX)) {
            drop(c, INDEX, here);
        } else if (c.words("alter")) {
            String kind = viewOrType(c);
            if (kind != null) {
                alter(c, kind, here);
            }
        } else if (c.words("drop")) {
            String kind = viewOrType(c);
            if (kind != null) {
                drop(c, kind, here);
            }
        }
    }

    /** {@code VIEW}, {@code MATERIALIZED VIEW}, {@code TYPE} or {@code DOMAIN} next, as {@link ViewOrType#kind()}. */
    private static String viewOrType(Cursor c) {
        if (c.words("materialized", "view")) {
            return "materialized view";
        }
        for (String kind : VIEW_OR_TYPE_KINDS) {
            if (c.words(kind)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * {@code CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name}, and
     * {@code CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name}, {@code CREATE MATERIALIZED VIEW [IF NOT
     * EXISTS] name}, {@code CREATE TYPE name}, {@code CREATE DOMAIN name}.
     */
    private void create(Cursor c, TableOrigin here) {
        if (c.words("unique", INDEX) || c.words(INDEX)) {
            createIndex(c, here);
            return;
        }
        c.words("or", "replace");
        boolean temporary = persistencePrefix(c);
        c.words("recursive");
        boolean table = c.words("table");
        String kind = table ? null : viewOrType(c);
        if (!table && kind == null) {
            return;
        }
        c.words("if", "not", "exists");
        QualifiedName name = c.qualifiedName();
        if (table) {
            recordTable(name, temporary, here);
            if (c.words("partition", "of")) {
                partitionMade();
            }
            return;
        }
        if (temporary || name == null || PG_TEMP.equals(name.schema())) {
            return;
        }
        // CREATE TYPE x AS (…): the statement's tokens end at its parenthesis.
        String made = "type".equals(kind) && c.words("as") && c.atEnd() ? "composite type" : kind;
        if (name.mayBeInPublic()) {
            changes.add(replay -> {
                if (name.inPublic(replay.searchPath())) {
                    replay.publicViewsAndTypes().putIfAbsent(name.object(), new ViewOrType(made, here));
                }
            });
        }
    }

    /** A partitioned table's index adopts its partitions' like indexes: see {@link PublicIndexes#dropIndex}. */
    private void partitionMade() {
        changes.add(replay -> replay.publicIndexes().partitionMade());
    }

    /**
     * {@code [GLOBAL | LOCAL] [TEMPORARY | TEMP] [UNLOGGED]}, as {@code CREATE} and {@code SELECT ... INTO} take
     * them: whether the relation is temporary. A temporary one lives in pg_temp and vanishes with the session:
     * it never makes one of {@code public} exist.
     */
    private static boolean persistencePrefix(Cursor c) {
        if (!c.words("global")) {
            c.words("local");
        }
        boolean temporary = c.words("temporary") || c.words("temp");
        c.words("unlogged");
        return temporary;
    }

    /** {@code [WITH ...] SELECT ... INTO [GLOBAL|LOCAL] [TEMP|UNLOGGED] [TABLE] name}, read from its {@code INTO}. */
    private void selectedInto(Cursor c) {
        c.words("into");
        boolean temporary = persistencePrefix(c);
        c.words("table");
        recordTable(c.qualifiedName(), temporary, new TableOrigin(file, into.lines[0], into.columns[0]));
    }

    /** A table made by {@code CREATE TABLE} or {@code SELECT ... INTO}; null when no name was read. */
    private void recordTable(QualifiedName name, boolean temporary, TableOrigin here) {
        if (name == null) {
            return;
        }
        if (temporary || PG_TEMP.equals(name.schema())) {
            // pg_temp comes first on every search path: an unqualified name finds this table, and its indexes.
            boolean mayNotRun = inBlock;
            changes.add(replay -> {
                replay.temporaryTables().add(name.object());
                if (!mayNotRun) {
                    replay.fileTemporaryTables().add(name.object());
                }
            });
        } else if (name.mayBeInPublic()) {
            changes.add(replay -> {
                if (name.inPublic(replay.searchPath())) {
                    replay.publicTables().putIfAbsent(name.object(), here);
                }
            });
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON [ONLY] table}: the index goes in its
     * table's schema, which for an unqualified name is {@code pg_temp} while the session has a temporary
     * table of that name (or had: a drop is not followed there). One without a name gets a name PostgreSQL
     * makes up, and is not followed; nor is one made in a {@code DO} block, which may not run (see
     * {@link #block}).
     */
    private void createIndex(Cursor c, TableOrigin here) {
        c.words("concurrently");
        c.words("if", "not", "exists");
        String name = c.identifier();
        if (name == null || inBlock || !c.words("on")) {
            return;
        }
        c.words("only");
        QualifiedName table = c.qualifiedName();
        if (table != null) {
            inPublic(table, (replay, relation) -> {
                if (table.schema() != null || !replay.temporaryTables().contains(relation)) {
                    replay.publicIndexes().create(name, relation, here);
                }
            });
        }
    }

    /**
     * {@code ALTER TABLE} or {@code DROP TABLE} in a {@code DO} block, which may or may not run: the index of
     * each name, and the indexes on the table of each name, are let go.
     */
    private void letIndexesGo(Cursor c) {
        c.words("if", "exists");
        c.words("only");
        do {
            QualifiedName name = c.qualifiedName();
            if (name == null) {
                return;
            }
            inPublic(name, (replay, object) -> replay.publicIndexes().forget(object));
            c.operator('*');
        } while (c.punctuation(','));
    }

    /** Adds a change made to {@code name}'s object when the search path in force puts it in {@code public}. */
    private void inPublic(QualifiedName name, BiConsumer<MigrationReplay, String> change) {
        if (name.mayBeInPublic()) {
            changes.add(replay -> {
                if (name.inPublic(replay.searchPath())) {
                    change.accept(replay, name.object());
                }
            });
        }
    }

    /**
     * {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] RENAME TO new} and {@code ... SET SCHEMA s}; with a
     * {@code kind}, the same of a view or type ({@code ALTER VIEW}, {@code ALTER TYPE}, ...) or the rename
     * of an index ({@code ALTER INDEX}, which has no {@code SET SCHEMA}: an index lives in its table's
     * schema). An {@code ALTER TABLE} that drops something (a column, a constraint) lets the indexes on the
     * table go. A rename is followed for a view or type the migrations made only (one from elsewhere would
     * need its kind, which {@code ALTER TABLE}, that renames a view too, does not give); one moved into
     * {@code public} counts as the statement names its kind. Inside a {@code DO} block (tables are not
     * followed there, see {@link #apply}), a view's, type's or index's old name is let go and no new one
     * taken.
     *
     * @param kind null for {@code ALTER TABLE}, {@code index}, else as {@link ViewOrType#kind()}
     */
    private void alter(Cursor c, String kind, TableOrigin here) {
        boolean mayNotRun = inBlock;
        boolean ifExists = c.words("if", "exists");
        c.words("only");
        QualifiedName name = c.qualifiedName();
        if (name == null) {
            return;
        }
        if (kind == null && dropping) {
            inPublic(name, (replay, table) -> replay.publicIndexes().dropOn(table));
        }
        c.operator('*');
        if (c.words("rename", "to")) {
            String renamed = c.identifier();
            if (renamed != null && name.mayBeInPublic()) {
                changes.add(replay -> {
                    if (!name.inPublic(replay.searchPath())) {
                        return;
                    }
                    if (kind == null && name.schema() == null && !mayNotRun
                            && replay.fileTemporaryTables().remove(name.object())) {
                        // The file's temporary table of that name comes first on the search path.
                        replay.fileTemporaryTables().add(renamed);
                    } else if (mayNotRun) {
                        replay.publicViewsAndTypes().remove(name.object());
                        replay.publicIndexes().forget(name.object());
                    } else {
                        rename(replay, kind, name.object(), renamed, here, ifExists);
                    }
                });
            }
        } else if (kind == null && c.words("attach", "partition")) {
            partitionMade();
        } else if (INDEX.equals(kind) && c.words("attach", "partition")) {
            // The attached index goes when the partitioned one is dropped, which a DROP INDEX of it does not say.
            QualifiedName attached = c.qualifiedName();
            if (attached != null) {
                inPublic(attached, (replay, index) -> replay.publicIndexes().forget(index));
            }
        } else if (!INDEX.equals(kind) && c.words("set", "schema")) {
            String schema = c.identifier();
            if (schema == null) {
                return;
            }
            boolean toPublic = schema.equals(PUBLIC);
            if (name.mayBeInPublic() || toPublic) {
                changes.add(replay -> {
                    boolean fromPublic = name.inPublic(replay.searchPath());
                    if (fromPublic && !toPublic) {
                        replay.publicIndexes().dropOn(name.object());
                        leavePublic(replay, kind, name.object(), schema, here);
                    } else if (!fromPublic && toPublic && kind == null) {
                        replay.publicTables().putIfAbsent(name.object(), here);
                    } else if (!fromPublic && toPublic && !ifExists && !mayNotRun) {
                        replay.publicViewsAndTypes().putIfAbsent(name.object(), new ViewOrType(kind, here));
                    }
                });
            }
        }
    }

    /**
     * @param here     the renaming statement; also where a table the migrations did not make came into them
     * @param ifExists whether {@code IF EXISTS} lets the statement pass over a table that is not there, which
     *                 then brings no table in
     */
    private static void rename(MigrationReplay replay, String kind, String name, String renamed, TableOrigin here,
                               boolean ifExists) {
        // ALTER TABLE and ALTER INDEX rename any relation: ALTER TABLE an index, ALTER INDEX a table or view.
        boolean anyRelation = kind == null || kind.equals(INDEX);
        if (anyRelation && replay.publicIndexes().rename(name, renamed)) {
            return;
        }
        replay.publicIndexes().renameRelation(name, renamed);
        Map<String, ViewOrType> viewsAndTypes = replay.publicViewsAndTypes();
        TableOrigin table = anyRelation ? replay.publicTables().remove(name) : null;
        ViewOrType made = viewsAndTypes.get(name);
        if (table != null) {
            replay.publicTables().put(renamed, table);
            replay.tableGone(name, GoneTable.renamed(renamed, here));
        } else if (made != null && (!anyRelation || made.isRelation())) {
            viewsAndTypes.remove(name);
            viewsAndTypes.put(renamed, made);
        } else if (kind == null && !ifExists) {
            replay.publicTables().put(renamed, here);
        }
    }

    /** Out of {@code public}: a table, or (as {@code ALTER TABLE} moves a view too) a view; or a view or type. */
    private static void leavePublic(MigrationReplay replay, String kind, String name, String schema,
                                    TableOrigin here) {
        if (kind == null && replay.publicTables().remove(name) != null) {
            replay.tableGone(name, GoneTable.moved(schema, here));
            return;
        }
        replay.publicViewsAndTypes().computeIfPresent(name, (key, made) -> kind != null || made.isRelation() ? null : made);
    }

    /**
     * {@code DROP TABLE [IF EXISTS] a [, b ...] [CASCADE|RESTRICT]}, which drops their indexes too, and with
     * a {@code kind} the same of views or types ({@code DROP VIEW}, {@code DROP TYPE}, ...) or indexes
     * ({@code DROP INDEX [CONCURRENTLY] ...}).
     *
     * @param kind null for {@code DROP TABLE}, {@code index}, else as {@link ViewOrType#kind()}
     */
    private void drop(Cursor c, String kind, TableOrigin here) {
        if (INDEX.equals(kind)) {
            c.words("concurrently");
        }
        c.words("if", "exists");
        do {
            QualifiedName name = c.qualifiedName();
            if (name == null) {
                return;
            }
            if (kind == null && PG_TEMP.equals(name.schema())) {
                changes.add(replay -> replay.fileTemporaryTables().remove(name.object()));
            }
            inPublic(name, (replay, object) -> {
                if (INDEX.equals(kind)) {
                    replay.publicIndexes().dropIndex(object);
                    return;
                }
                if (kind == null && name.schema() == null && replay.fileTemporaryTables().remove(object)) {
                    return; // the file's temporary table of that name comes first on the search path
                }
                if (kind == null) {
                    if (replay.publicTables().remove(object) != null) {
                        replay.tableGone(object, GoneTable.dropped(here));
                    }
                } else {
                    replay.publicViewsAndTypes().computeIfPresent(object,
                            (key, made) -> made.droppedBy(kind) ? null : made);
                }
                replay.publicIndexes().dropOn(object);
            });
        } while (c.punctuation(','));
    }

    /**
     * A partitioned table, in any schema, takes its partitions along when dropped, and their indexes: which
     * tables are partitions of which is not followed, so a {@code DROP TABLE} lets every index name go.
     */
    private void forgetIndexesOfPartitions() {
        changes.add(replay -> replay.publicIndexes().clear());
    }


    /**
     * {@code schema} is null for an unqualified name, which goes where the search path in force says;
     * {@code object} is the table's (view's, type's) own name.
     */
    private record QualifiedName(String schema, String object) {

        /** False for a name qualified with another schema: no search path makes it a table of {@code public}. */
        boolean mayBeInPublic() {
            return schema == null || schema.equals(PUBLIC);
        }

        boolean inPublic(SearchPath path) {
            return schema == null ? path.resolvesToPublic() : schema.equals(PUBLIC);
        }
    }

    /** The kept tokens of the current statement, as positions in the file's text; reused for every statement. */
    private static final class StatementTokens {
        private SqlTokenKind[] kinds = new SqlTokenKind[PREFIX_TOKENS];
        private int[] starts = new int[PREFIX_TOKENS];
        private int[] ends = new int[PREFIX_TOKENS];
        private int[] lines = new int[PREFIX_TOKENS];
        private int[] columns = new int[PREFIX_TOKENS];
        private int size;

        void add(SqlLexer lexer) {
            if (size == kinds.length) {
                int capacity = size * 2;
                kinds = Arrays.copyOf(kinds, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                lines = Arrays.copyOf(lines, capacity);
                columns = Arrays.copyOf(columns, capacity);
            }
            kinds[size] = lexer.kind();
            starts[size] = lexer.start();
            ends[size] = lexer.end();
            lines[size] = lexer.line();
            columns[size] = lexer.column();
            size++;
        }

        boolean isWord(String text, int i, String keyword) {
            return SqlLexer.isWord(text, kinds[i], starts[i], ends[i], keyword);
        }

        SqlTokenKind kind(int i) {
            return kinds[i];
        }

        boolean isIdentifier(int i) {
            return kinds[i] == SqlTokenKind.WORD || kinds[i] == SqlTokenKind.QUOTED_IDENTIFIER;
        }

        boolean is(String text, int i, SqlTokenKind kind, char c) {
            return kinds[i] == kind && text.charAt(starts[i]) == c;
        }

        String value(String text, int i) {
            return SqlLexer.value(kinds[i], text.substring(starts[i], ends[i]));
        }

        boolean isSearchPathName(String text, int i) {
            return TableTracker.isSearchPathName(text, kinds[i], starts[i], ends[i]);
        }
    }

    /** Reads a statement's tokens left to right; each method consumes only when it matches. */
    private static final class Cursor {
        private final StatementTokens tokens;
        private final String text;
        private int at;

        Cursor(StatementTokens tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        /** Consumes the words when all of them come next, in order. */
        boolean words(String... keywords) {
            if (at + keywords.length > tokens.size) {
                return false;
            }
            for (int i = 0; i < keywords.length; i++) {
                if (!tokens.isWord(text, at + i, keywords[i])) {
                    return false;
                }
            }
            at += keywords.length;
            return true;
        }

        boolean punctuation(char c) {
            return consume(SqlTokenKind.PUNCTUATION, c);
        }

        boolean operator(char c) {
            return consume(SqlTokenKind.OPERATOR, c);
        }

        private boolean consume(SqlTokenKind kind, char c) {
            if (at < tokens.size && tokens.is(text, at, kind, c)) {
                at++;
                return true;
            }
            return false;
        }

        boolean atEnd() {
            return at == tokens.size;
        }

        boolean searchPathName() {
            if (at < tokens.size && tokens.isSearchPathName(text, at)) {
                at++;
                return true;
            }
            return false;
        }

        /** {@code schema [, ...]}; null unless each item is a {@link #settingValue()}. */
        SearchPath searchPathList() {
            List<String> schemas = new ArrayList<>();
            do {
                String schema = settingValue();
                if (schema == null) {
                    return null;
                }
                schemas.add(schema);
            } while (punctuation(','));
            return new SearchPath(schemas);
        }

        /**
         * One item of a setting's list, as PostgreSQL stores it in a list of names: an identifier
         * (folded when unquoted), a string taken as a quoted name (its case kept), a number as
         * written. Prefixed strings ({@code E'..'}, ...) are kept as written too: no schema of
         * a search path is written that way.
         */
        String settingValue() {
            if (at >= tokens.size) {
                return null;
            }
            SqlTokenKind kind = tokens.kind(at);
            return tokens.isIdentifier(at) || kind == SqlTokenKind.STRING || kind == SqlTokenKind.NUMBER
                    ? tokens.value(text, at++) : null;
        }

        /** The content of the string constant that comes next; null when none does. */
        String string() {
            if (at < tokens.size && tokens.kind(at) == SqlTokenKind.STRING) {
                return tokens.value(text, at++);
            }
            return null;
        }

        /**
         * The name of the identifier that comes next as PostgreSQL stores it (folded or unquoted,
         * cut to 63 bytes); null when none does.
         */
        String identifier() {
            if (at < tokens.size && tokens.isIdentifier(at)) {
                return PgIdentifier.asStored(tokens.value(text, at++));
            }
            return null;
        }

        /** {@code table}, {@code schema.table} or {@code database.schema.table}. */
        QualifiedName qualifiedName() {
            List<String> parts = new ArrayList<>(3);
            String part = identifier();
            if (part == null) {
                return null;
            }
            parts.add(part);
            while (parts.size() < 3 && at + 1 < tokens.size && tokens.is(text, at, SqlTokenKind.PUNCTUATION, '.')
                    && tokens.isIdentifier(at + 1)) {
                at++;
                parts.add(identifier());
            }
            String object = parts.get(parts.size() - 1);
            String schema = parts.size() == 1 ? null : parts.get(parts.size() - 2);
            return new QualifiedName(schema, object);
        }
    }
}
