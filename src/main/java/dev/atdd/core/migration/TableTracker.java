package dev.atdd.core.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The table DDL of one migration, for the {@code public} schema, as changes to replay in version
 * order onto the tables that exist before it. Fed token by token from the lexer pass, it keeps the positions
 * (not the text) of the first tokens of a {@code CREATE}/{@code ALTER TABLE} statement and of the
 * names of a {@code DROP TABLE}, so it stays small and makes strings only of the names it reads.
 */
final class TableTracker {

    private static final String PUBLIC = "public";
    /** Enough for the longest prefix read: {@code alter table if exists only "public"."t" * rename to n}. */
    private static final int PREFIX_TOKENS = 16;

    /** What this file does to the tables, in order: files are scanned side by side, then replayed in version order. */
    private final List<Consumer<Map<String, TableOrigin>>> changes = new ArrayList<>();
    private final StatementTokens statement = new StatementTokens();
    private boolean collecting = true;
    /** Until the word {@code TABLE} shows up, each token must still fit a table statement's prefix. */
    private boolean tableSeen;
    private MigrationFile file;
    private String text;

    /** Starts the file (one per tracker), whose text the lexer positions refer to. */
    void startFile(MigrationFile migration, String fileText) {
        endStatement();
        file = migration;
        text = fileText;
    }

    /** Takes the lexer's current token, which must not be a comment. */
    void accept(SqlLexer lexer) {
        if (lexer.isPunctuation(';')) {
            endStatement();
            return;
        }
        if (!collecting) {
            return;
        }
        if (statement.size == 0) {
            collecting = lexer.isWord("create") || lexer.isWord("alter") || lexer.isWord("drop");
        } else if (!tableSeen) {
            tableSeen = lexer.isWord("table");
            collecting = tableSeen || (statement.isWord(text, 0, "create") && isTableModifier(lexer));
        } else if (lexer.isPunctuation('(')
                || (statement.size >= PREFIX_TOKENS && !statement.isWord(text, 0, "drop"))) {
            // Every name read comes before the first parenthesis (a column list, a CHECK...).
            collecting = false;
        }
        if (collecting) {
            statement.add(lexer);
        }
    }

    /** A file's last statement needs no {@code ;}. The text is let go: only the changes are kept. */
    void endFile() {
        endStatement();
        text = null;
    }

    /** Applies this file's table changes, in statement order, to the tables that exist before it. */
    void replay(Map<String, TableOrigin> tables) {
        changes.forEach(change -> change.accept(tables));
    }

    /** What may stand between {@code CREATE} and {@code TABLE}; anything else is not table DDL. */
    private static boolean isTableModifier(SqlLexer lexer) {
        return lexer.isWord("global") || lexer.isWord("local") || lexer.isWord("temporary")
                || lexer.isWord("temp") || lexer.isWord("unlogged");
    }

    private void endStatement() {
        if (statement.size > 0 && tableSeen) {
            apply(new Cursor(statement, text));
        }
        statement.size = 0;
        collecting = true;
        tableSeen = false;
    }

    private void apply(Cursor c) {
        TableOrigin here = new TableOrigin(file, statement.lines[0], statement.columns[0]);
        if (c.words("create")) {
            create(c, here);
        } else if (c.words("alter", "table")) {
            alter(c, here);
        } else if (c.words("drop", "table")) {
            drop(c);
        }
    }

    /** {@code CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name}. */
    private void create(Cursor c, TableOrigin here) {
        if (!c.words("global")) {
            c.words("local");
        }
        // A temporary table lives in pg_temp and vanishes with the session: it never makes a table exist.
        boolean temporary = c.words("temporary") || c.words("temp");
        c.words("unlogged");
        if (!c.words("table") || temporary) {
            return;
        }
        c.words("if", "not", "exists");
        QualifiedName name = c.qualifiedName();
        if (name != null && name.inPublic()) {
            String table = name.table();
            changes.add(tables -> tables.putIfAbsent(table, here));
        }
    }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] RENAME TO new} and {@code ... SET SCHEMA s}. */
    private void alter(Cursor c, TableOrigin here) {
        c.words("if", "exists");
        c.words("only");
        QualifiedName name = c.qualifiedName();
        if (name == null) {
            return;
        }
        c.operator('*');
        if (c.words("rename", "to")) {
            String renamed = c.identifier();
            if (renamed != null && name.inPublic()) {
                String table = name.table();
                changes.add(tables -> {
                    TableOrigin origin = tables.remove(table);
                    tables.put(renamed, origin != null ? origin : here);
                });
            }
        } else if (c.words("set", "schema")) {
            String schema = c.identifier();
            if (schema == null) {
                return;
            }
            boolean toPublic = schema.equals(PUBLIC);
            String table = name.table();
            if (name.inPublic() && !toPublic) {
                changes.add(tables -> tables.remove(table));
            } else if (!name.inPublic() && toPublic) {
                changes.add(tables -> tables.putIfAbsent(table, here));
            }
        }
    }

    /** {@code DROP TABLE [IF EXISTS] a [, b ...] [CASCADE|RESTRICT]}. */
    private void drop(Cursor c) {
        c.words("if", "exists");
        do {
            QualifiedName name = c.qualifiedName();
            if (name == null) {
                return;
            }
            if (name.inPublic()) {
                String table = name.table();
                changes.add(tables -> tables.remove(table));
            }
        } while (c.punctuation(','));
    }

    /** {@code schema} is null for an unqualified name, which the default search path puts in {@code public}. */
    private record QualifiedName(String schema, String table) {
        boolean inPublic() {
            return schema == null || schema.equals(PUBLIC);
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

        boolean isIdentifier(int i) {
            return kinds[i] == SqlTokenKind.WORD || kinds[i] == SqlTokenKind.QUOTED_IDENTIFIER;
        }

        boolean is(String text, int i, SqlTokenKind kind, char c) {
            return kinds[i] == kind && text.charAt(starts[i]) == c;
        }

        String value(String text, int i) {
            return SqlLexer.value(kinds[i], text.substring(starts[i], ends[i]));
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

        /** The name, folded or unquoted, of the identifier that comes next; null when none does. */
        String identifier() {
            if (at < tokens.size && tokens.isIdentifier(at)) {
                return tokens.value(text, at++);
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
            String table = parts.get(parts.size() - 1);
            String schema = parts.size() == 1 ? null : parts.get(parts.size() - 2);
            return new QualifiedName(schema, table);
        }
    }
}
