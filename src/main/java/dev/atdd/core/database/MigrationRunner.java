package dev.atdd.core.database;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.LineBreaks;
import dev.atdd.core.Problem;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.migration.SqlLexer;
import dev.atdd.core.migration.SqlTokenKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Applies SQL scripts to a database the way the Supabase CLI applies migrations: in the given order,
 * each file in a transaction of its own, stopping at the first failure.
 *
 * <p>A file is sent whole, in the simple query protocol, so the server parses it exactly as written
 * ({@code $$} bodies, several statements per line) and its error positions count into the file. A
 * file holding a command PostgreSQL refuses inside a transaction block ({@code CREATE INDEX
 * CONCURRENTLY}, {@code VACUUM}, ...) is instead sent statement by statement with auto-commit on; the
 * statements before a failing one then stay applied, as they would with the Supabase CLI.
 *
 * <p>Some errors carry no position (a table that already exists, a duplicate key). When a file sent
 * whole fails with one, it is replayed statement by statement in a transaction that is rolled back,
 * to name the statement that fails.
 */
public final class MigrationRunner {

    /** A char index into the script when the error's place in it is not known. */
    private static final int UNKNOWN = -1;
    /**
     * {@code column "x" does not exist}, {@code column "x" of relation "t" does not exist}, {@code relation "t" does
     * not exist}, {@code relation "auth.t" does not exist}: the name, of a relation its last part.
     */
    private static final Pattern MISSING_NAME = Pattern.compile(
            "^(?:column \"([^\"]+)\"(?: of relation \"[^\"]+\")?|relation \"(?:[^\".]+\\.)?([^\".]+)\")"
                    + " does not exist");
    private static final Pattern INLINE_BLOCK_LINE = Pattern.compile("PL/pgSQL function inline_code_block line (\\d+)");

    private final Connection connection;

    /** @param connection an open connection in the simple query protocol, such as {@link ScratchDatabase#connection()} */
    public MigrationRunner(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Applies the prelude's scripts, each in its own transaction.
     *
     * @throws MigrationFailedException when a prelude script fails
     * @throws InvalidInputException at a {@code COPY} that exchanges rows with the client
     */
    public void applyPrelude(SupabasePrelude prelude) {
        for (SqlScript script : prelude.scripts()) {
            run(script, List.of());
        }
    }

    /**
     * Applies the migration files in the order given (the caller sorts them by version).
     *
     * @return the files applied, that is all of them
     * @throws MigrationFailedException at the first file the server rejects; the earlier files stay committed
     * @throws InvalidInputException when a file cannot be read or is not UTF-8, or at a {@code COPY} that
     *         exchanges rows with the client (nothing of that file is applied)
     * @throws ScratchDatabaseException when the connection to the database is lost
     */
    public List<Path> apply(List<Path> migrations) {
        List<Path> applied = new ArrayList<>();
        for (Path file : migrations) {
            run(SqlScript.read(file), applied);
            applied.add(file);
        }
        return List.copyOf(applied);
    }

    private void run(SqlScript script, List<Path> appliedBefore) {
        List<ScriptStatements.Statement> statements = ScriptStatements.of(script.text());
        // The driver refuses such a COPY, and drops the connection for TO STDOUT; the Supabase CLI fails on it too.
        statements.stream().filter(ScriptStatements.Statement::copiesWithClient).findFirst().ifPresent(copy -> {
            throw new InvalidInputException(Problem.at(script.file(), script.text(), copy.start(),
                    MigrationIndex.CLIENT_COPY));
        });
        if (statements.stream().anyMatch(ScriptStatements.Statement::cannotRunInTransaction)) {
            runStatementByStatement(script, statements, appliedBefore);
        } else {
            runInTransaction(script, statements, appliedBefore);
        }
    }

    private void runInTransaction(SqlScript script, List<ScriptStatements.Statement> statements,
                                  List<Path> appliedBefore) {
        try {
            connection.setAutoCommit(false);
            execute(script.text());
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            rollback(e);
            int index = serverPosition(0, script.text(), e);
            if (index == UNKNOWN && serverError(e) != null) {
                index = replayToFindFailingStatement(script, statements, e);
            }
            throw failure(script, index, e, appliedBefore);
        }
    }

    /**
     * The char index in the script of an error the server gave no position for, found by running the
     * rolled-back file again statement by statement in a transaction that is rolled back too: the first
     * statement that fails with the same SQLSTATE, at the server's position in it or else at its start.
     * {@link #UNKNOWN} when the replay succeeds (the error depended on something a rollback does not
     * restore, such as a sequence's value) or fails otherwise, and when the file ends its transaction
     * before its last statement: such a {@code COMMIT} may have kept part of the file in the first run,
     * so that the replay would not start from the same database.
     */
    private int replayToFindFailingStatement(SqlScript script, List<ScriptStatements.Statement> statements,
                                             SQLException original) {
        List<ScriptStatements.Statement> allButLast = statements.subList(0, Math.max(0, statements.size() - 1));
        if (allButLast.stream().anyMatch(ScriptStatements.Statement::endsTransaction)) {
            return UNKNOWN;
        }
        try {
            connection.setAutoCommit(false);
            for (ScriptStatements.Statement statement : statements) {
                if (statement.endsTransaction()) {
                    return UNKNOWN; // a closing COMMIT: the replay must keep nothing
                }
                String sql = script.text().substring(statement.start(), statement.end());
                try {
                    execute(sql);
                } catch (SQLException e) {
                    return Objects.equals(e.getSQLState(), original.getSQLState())
                            ? statementErrorIndex(statement.start(), sql, e)
                            : UNKNOWN;
                }
            }
            return UNKNOWN;
        } catch (SQLException e) {
            original.addSuppressed(e);
            return UNKNOWN;
        } finally {
            rollback(original);
        }
    }

    private void runStatementByStatement(SqlScript script, List<ScriptStatements.Statement> statements,
                                         List<Path> appliedBefore) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(script, UNKNOWN, e, appliedBefore);
        }
        for (ScriptStatements.Statement statement : statements) {
            String sql = script.text().substring(statement.start(), statement.end());
            try {
                execute(sql);
            } catch (SQLException e) {
                throw failure(script, statementErrorIndex(statement.start(), sql, e), e, appliedBefore);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // JDBC escapes ({fn ...}) would rewrite the text and shift the server's error positions.
            statement.setEscapeProcessing(false);
            statement.execute(sql);
        }
    }

    /** Undoes the failed file and leaves the connection in auto-commit, as between files. */
    private void rollback(SQLException failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The char index in the script of the server's error position, {@link #UNKNOWN} without one.
     * {@code sent} is the text sent, found at {@code sentStart} in the script; the server's position
     * counts characters (code points) from 1 into it.
     */
    private static int serverPosition(int sentStart, String sent, SQLException e) {
        ServerErrorMessage server = serverError(e);
        return server != null && server.getPosition() > 0
                ? sentStart + charIndex(sent, server.getPosition())
                : UNKNOWN;
    }

    /**
     * Where the error of one statement sent alone lies: the server's position, else the line of a
     * {@code DO} block's body it names, else the one place in it of the missing column or relation it names,
     * else the statement's start.
     */
    private static int statementErrorIndex(int statementStart, String sent, SQLException e) {
        int position = serverPosition(statementStart, sent, e);
        if (position != UNKNOWN) {
            return position;
        }
        ServerErrorMessage server = serverError(e);
        int inBlock = doBlockLine(sent, server);
        if (inBlock != UNKNOWN) {
            return statementStart + inBlock;
        }
        int named = server == null ? UNKNOWN : missingName(sent, server.getMessage());
        return named == UNKNOWN ? statementStart : statementStart + named;
    }

    /**
     * A missing column or relation comes without a position in some statements ({@code CREATE INDEX … (x)},
     * {@code ALTER TABLE … DROP COLUMN x}, {@code REFERENCES t (id)} in a {@code CREATE TABLE}): the index in
     * {@code sent} of the one name that can be it (of a relation, its last part), an unquoted word that folds to it
     * or a quoted identifier that spells it; {@link #UNKNOWN} when the message names neither or the statement holds
     * the name more than once (which one is not known).
     */
    static int missingName(String sent, String message) {
        Matcher named = message == null ? null : MISSING_NAME.matcher(message);
        if (named == null || !named.find()) {
            return UNKNOWN;
        }
        String name = named.group(1) != null ? named.group(1) : named.group(2);
        int found = UNKNOWN;
        SqlLexer lexer = new SqlLexer(sent);
        while (lexer.advance()) {
            boolean word = lexer.isWord(name);
            boolean quoted = lexer.kind() == SqlTokenKind.QUOTED_IDENTIFIER && sent.substring(lexer.start() + 1,
                    lexer.end() - 1).replace("\"\"", "\"").equals(name);
            if (word || quoted) {
                if (found != UNKNOWN) {
                    return UNKNOWN;
                }
                found = lexer.start();
            }
        }
        return found;
    }

    /**
     * An error a {@code DO} block raises as it runs comes without a position, its CONTEXT naming the
     * line of the body instead ({@code PL/pgSQL function inline_code_block line 4 at SQL statement}),
     * the first being the one the body starts on, after its opening quote. The index in {@code sent} of
     * that line's first character that is not blank; {@link #UNKNOWN} for any other statement or context, and
     * past the first line of a body whose escapes may make lines of their own.
     */
    static int doBlockLine(String sent, ServerErrorMessage server) {
        String where = server == null ? null : server.getWhere();
        if (where == null) {
            return UNKNOWN;
        }
        int line = 0;
        // A DO block run by EXECUTE in this one adds a frame above it: the statement's own block is the last.
        for (Matcher frame = INLINE_BLOCK_LINE.matcher(where); frame.find(); ) {
            line = Integer.parseInt(frame.group(1));
        }
        SqlLexer lexer = new SqlLexer(sent);
        boolean first = true;
        while (line > 0 && lexer.advance()) {
            if (lexer.kind().isComment()) {
                continue;
            }
            if (first && !lexer.isWord("do")) {
                return UNKNOWN;
            }
            first = false;
            if (lexer.kind() == SqlTokenKind.DOLLAR_STRING || lexer.kind() == SqlTokenKind.STRING) {
                // After the opening quote, which a prefixed string (E'..', U&'..') does not start with.
                int body = lexer.kind() == SqlTokenKind.STRING ? sent.indexOf('\'', lexer.start()) + 1
                        : sent.indexOf('$', lexer.start() + 1) + 1;
                if (line > 1 && lexer.kind() == SqlTokenKind.STRING
                        && mayEscapeLineBreaks(sent, lexer.start(), body, lexer.end())) {
                    return UNKNOWN;
                }
                LineBreaks breaks = new LineBreaks(sent, lexer.end());
                for (int n = 1; n < line; n++) {
                    int lineBreak = breaks.next(body);
                    if (lineBreak < 0) {
                        return UNKNOWN;
                    }
                    body = breaks.lineAfter(lineBreak);
                }
                while (body < lexer.end() && (sent.charAt(body) == ' ' || sent.charAt(body) == '\t')) {
                    body++;
                }
                return body;
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether the body of a string from {@code start} to {@code end}, starting at {@code body}, may hold an escape
     * that stands for a line break ({@code E'..\n..'}, {@code E'\012'}, {@code U&'\000A'}): PL/pgSQL counts the
     * lines the escapes make, which the file does not have. A {@code U&} string's escape character may be any
     * ({@code UESCAPE}); a plain {@code '..'} string has no escapes.
     */
    private static boolean mayEscapeLineBreaks(String sent, int start, int body, int end) {
        if (sent.charAt(start) == '\'') {
            return false;
        }
        if (sent.charAt(body - 2) == '&') {
            return true;
        }
        for (int i = sent.indexOf('\\', body); i >= 0 && i + 1 < end; i = sent.indexOf('\\', i + 2)) {
            char escaped = sent.charAt(i + 1);
            if (escaped == 'n' || escaped == 'r' || escaped == 'x' || escaped == 'u' || escaped == 'U'
                    || (escaped >= '0' && escaped <= '7')) {
                return true;
            }
        }
        return false;
    }

    private static ServerErrorMessage serverError(SQLException e) {
        return e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    }

    /** The server's error, located at char {@code index} of the script, or at the file alone when {@link #UNKNOWN}. */
    private static RuntimeException failure(SqlScript script, int index, SQLException e, List<Path> appliedBefore) {
        ServerErrorMessage server = serverError(e);
        if (server == null) {
            return new ScratchDatabaseException("lost the database connection while applying " + script.file(), e);
        }
        int line = 0;
        int column = 0;
        String lineText = "";
        if (index != UNKNOWN) {
            String text = script.text();
            LineBreaks.Line at = LineBreaks.lineOf(text, index);
            int lineEnd = new LineBreaks(text).next(at.start());
            lineText = text.substring(at.start(), lineEnd < 0 ? text.length() : lineEnd);
            line = at.number();
            column = text.codePointCount(at.start(), index) + 1;
        }
        MigrationFailure failure = new MigrationFailure(script.file(), line, column, lineText,
                Objects.requireNonNullElse(server.getMessage(), e.getMessage()),
                Objects.requireNonNullElse(server.getSQLState(), ""),
                Optional.ofNullable(server.getDetail()), Optional.ofNullable(server.getHint()),
                Optional.ofNullable(server.getWhere()));
        return new MigrationFailedException(failure, appliedBefore, e);
    }

    private static int charIndex(String text, int position) {
        int codePoints = Math.min(position - 1, text.codePointCount(0, text.length()));
        return text.offsetByCodePoints(0, codePoints);
    }

}
