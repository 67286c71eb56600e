package dev.atdd.core.migration;

/**
 * Whether a {@code COPY} statement exchanges its rows with the client ({@code COPY … FROM STDIN},
 * {@code COPY … TO STDOUT}), as pg_dump writes data: what follows it in the file is psql's rows, not
 * SQL, and no server-side runner can apply it. Read token by token after the {@code COPY}: only
 * {@code STDIN} or {@code STDOUT} right after the first {@code FROM} or {@code TO} outside the
 * parentheses of a column list or a query counts; a table, column or query named {@code stdin} does
 * not, nor does a {@code WHERE} that compares with a column so named ({@code IS DISTINCT FROM stdin}).
 */
public final class ClientCopy {

    private int depth;
    private boolean afterFromOrTo;
    /** Whether the token after the first FROM or TO was read: the file, or STDIN or STDOUT. */
    private boolean sourceRead;
    private boolean withClient;

    /** The next token of the statement after its {@code COPY}; comments are passed over. */
    public void accept(SqlLexer lexer) {
        if (sourceRead || lexer.kind().isComment()) {
            return;
        }
        if (lexer.isPunctuation('(') || lexer.isPunctuation(')')) {
            depth += lexer.isPunctuation('(') ? 1 : depth > 0 ? -1 : 0;
            afterFromOrTo = false;
            return;
        }
        if (afterFromOrTo) {
            withClient = lexer.isWord("stdin") || lexer.isWord("stdout");
            sourceRead = true;
        }
        afterFromOrTo = depth == 0 && (lexer.isWord("from") || lexer.isWord("to"));
    }

    public boolean withClient() {
        return withClient;
    }
}
