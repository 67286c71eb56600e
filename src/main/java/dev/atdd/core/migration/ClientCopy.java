package dev.atdd.core.migration;

/**
 * Whether a {@code COPY} statement exchanges its rows with the client ({@code COPY … FROM STDIN},
 * {@code COPY … TO STDOUT}), as pg_dump writes data: what follows it in the file is psql's rows, not
 * SQL, and no server-side runner can apply it. Read token by token after the {@code COPY}: only
 * {@code STDIN} or {@code STDOUT} right after {@code FROM} or {@code TO}, outside the parentheses of a
 * column list or a query, counts; a table, column or query named {@code stdin} does not.
 */
public final class ClientCopy {

    private int depth;
    private boolean afterFromOrTo;
    private boolean withClient;

    /** The next token of the statement after its {@code COPY}; comments are passed over. */
    public void accept(SqlLexer lexer) {
        if (lexer.kind().isComment()) {
            return;
        }
        if (lexer.isPunctuation('(') || lexer.isPunctuation(')')) {
            depth += lexer.isPunctuation('(') ? 1 : depth > 0 ? -1 : 0;
            afterFromOrTo = false;
            return;
        }
        withClient |= afterFromOrTo && (lexer.isWord("stdin") || lexer.isWord("stdout"));
        afterFromOrTo = depth == 0 && (lexer.isWord("from") || lexer.isWord("to"));
    }

    public boolean withClient() {
        return withClient;
    }
}
