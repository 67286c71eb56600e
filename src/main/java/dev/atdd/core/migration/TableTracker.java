package dev.atdd.core.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the table DDL of the migrations, in version order, for the {@code public} schema: which
 * tables exist after the last one. Fed token by token from the lexer pass; it keeps only the first
 * tokens of a {@code CREATE}/{@code ALTER} statement and the tokens of a {@code DROP}, so memory
 * stays small however long the statements are.
 */
final class TableTracker {

    private static final String PUBLIC = "public";
    /** Enough for the longest prefix read: {@code alter table if exists only "public"."t" * rename to n}. */
    private static final int PREFIX_TOKENS = 16;

    private final Map<String, TableOrigin> tables = new HashMap<>();
    private final List<SqlToken> statement = new ArrayList<>();
    private boolean collecting = true;
    private MigrationFile file;

    void startFile(MigrationFile migration) {
        endStatement();
        file = migration;
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
        if (statement.isEmpty()) {
            collecting = lexer.isWord("create") || lexer.isWord("alter") || lexer.isWord("drop");
        } else if (statement.size() >= PREFIX_TOKENS && !statement.get(0).isWord("drop")) {
            collecting = false;
        }
        if (collecting) {
            statement.add(lexer.token());
        }
    }

    /** A file's last statement needs no {@code ;}. */
    void endFile() {
        endStatement();
    }

    Map<String, TableOrigin> tables() {
        return Map.copyOf(tables);
    }

    private void endStatement() {
        if (!statement.isEmpty()) {
            apply(new Cursor(statement));
        }
        statement.clear();
        collecting = true;
    }

    private void apply(Cursor c) {
        SqlToken first = c.peek();
        TableOrigin here = new TableOrigin(file, first.line(), first.column());
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
            tables.putIfAbsent(name.table(), here);
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
            SqlToken renamed = c.identifier();
            if (renamed != null && name.inPublic()) {
                TableOrigin origin = tables.remove(name.table());
                tables.put(renamed.value(), origin != null ? origin : here);
            }
        } else if (c.words("set", "schema")) {
            SqlToken schema = c.identifier();
            if (schema == null) {
                return;
            }
            boolean toPublic = schema.value().equals(PUBLIC);
            if (name.inPublic() && !toPublic) {
                tables.remove(name.table());
            } else if (!name.inPublic() && toPublic) {
                tables.putIfAbsent(name.table(), here);
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
                tables.remove(name.table());
            }
        } while (c.punctuation(','));
    }

    /** {@code schema} is null for an unqualified name, which the default search path puts in {@code public}. */
    private record QualifiedName(String schema, String table) {
        boolean inPublic() {
            return schema == null || schema.equals(PUBLIC);
        }
    }

    /** Reads a statement's tokens left to right; each method consumes only when it matches. */
    private static final class Cursor {
        private final List<SqlToken> tokens;
        private int at;

        Cursor(List<SqlToken> tokens) {
            this.tokens = tokens;
        }

        SqlToken peek() {
            return tokens.get(at);
        }

        /** Consumes the words when all of them come next, in order. */
        boolean words(String... keywords) {
            if (at + keywords.length > tokens.size()) {
                return false;
            }
            for (int i = 0; i < keywords.length; i++) {
                if (!tokens.get(at + i).isWord(keywords[i])) {
                    return false;
                }
            }
            at += keywords.length;
            return true;
        }

        boolean punctuation(char c) {
            if (at < tokens.size() && tokens.get(at).isPunctuation(c)) {
                at++;
                return true;
            }
            return false;
        }

        boolean operator(char c) {
            if (at < tokens.size() && tokens.get(at).kind() == SqlTokenKind.OPERATOR && tokens.get(at).text().charAt(0) == c) {
                at++;
                return true;
            }
            return false;
        }

        SqlToken identifier() {
            if (at < tokens.size() && tokens.get(at).isIdentifier()) {
                return tokens.get(at++);
            }
            return null;
        }

        /** {@code table}, {@code schema.table} or {@code database.schema.table}. */
        QualifiedName qualifiedName() {
            List<String> parts = new ArrayList<>(3);
            SqlToken part = identifier();
            if (part == null) {
                return null;
            }
            parts.add(part.value());
            while (parts.size() < 3 && at + 1 < tokens.size() && tokens.get(at).isPunctuation('.')
                    && tokens.get(at + 1).isIdentifier()) {
                at++;
                parts.add(identifier().value());
            }
            String table = parts.get(parts.size() - 1);
            String schema = parts.size() == 1 ? null : parts.get(parts.size() - 2);
            return new QualifiedName(schema, table);
        }
    }
}
