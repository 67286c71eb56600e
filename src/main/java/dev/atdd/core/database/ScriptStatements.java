package dev.atdd.core.database;

import dev.atdd.core.migration.ClientCopy;
import dev.atdd.core.migration.SqlLexer;
import dev.atdd.core.migration.SqlTokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The top-level statements of a SQL script, split at {@code ;} outside parentheses, comments,
 * strings, quoted identifiers and dollar-quoted bodies (the {@link SqlLexer} knows them). It only serves
 * to spot the statements PostgreSQL refuses inside a transaction block and to send those one by
 * one, and to replay a script one statement at a time to find the one behind an error without
 * position; the server remains the judge of the SQL. (SQL-standard {@code BEGIN ATOMIC} bodies are not
 * understood; a script holding one is still sent whole unless it also needs to run outside a
 * transaction, and its body's closing {@code END} reads as a statement that ends the transaction,
 * which keeps a replay from running the split body.)
 */
final class ScriptStatements {

    /** Keywords kept per statement: enough to recognise every command in {@link #cannotRunInTransaction}. */
    private static final int LEADING_WORDS = 6;
    /** Stands for a quoted identifier among the leading words, so that it is not taken for a keyword. */
    private static final String QUOTED = "\"";

    /**
     * One statement: {@code text.substring(start, end)}, from its first token to just before its
     * {@code ;}, and its first words in upper case.
     *
     * @param copiesWithClient a {@code COPY … FROM STDIN} or {@code COPY … TO STDOUT}: rows exchanged with
     *                         the client, which only psql's protocol handling does
     */
    record Statement(int start, int end, List<String> leadingWords, boolean copiesWithClient) {

        Statement {
            leadingWords = List.copyOf(leadingWords);
        }

        /**
         * PostgreSQL 15 commands that fail with "cannot run inside a transaction block" (or "cannot
         * be executed within a pipeline" when sent with other statements).
         */
        boolean cannotRunInTransaction() {
            List<String> w = leadingWords;
            if (w.isEmpty()) {
                return false;
            }
            return switch (w.get(0)) {
                case "VACUUM" -> true;
                case "REINDEX" -> w.contains("CONCURRENTLY");
                case "ALTER" -> word(1).equals("SYSTEM");
                case "CREATE" -> createIndexConcurrently() || isAny(word(1), "DATABASE", "TABLESPACE");
                case "DROP" -> word(1).equals("INDEX") && word(2).equals("CONCURRENTLY")
                        || isAny(word(1), "DATABASE", "TABLESPACE");
                default -> false;
            };
        }

        /**
         * Commands that end the transaction they run in, so that a statement after them is no longer
         * undone by a rollback. Also the {@code END} of a {@code BEGIN ATOMIC} body, which the split
         * leaves as a statement of its own.
         */
        boolean endsTransaction() {
            return switch (word(0)) {
                case "COMMIT", "END", "ROLLBACK", "ABORT" -> true;
                case "PREPARE" -> word(1).equals("TRANSACTION");
                default -> false;
            };
        }

        private boolean createIndexConcurrently() {
            int index = word(1).equals("UNIQUE") ? 2 : 1;
            return word(index).equals("INDEX") && word(index + 1).equals("CONCURRENTLY");
        }

        private String word(int i) {
            return i < leadingWords.size() ? leadingWords.get(i) : "";
        }

        private static boolean isAny(String word, String... candidates) {
            return List.of(candidates).contains(word);
        }
    }

    private ScriptStatements() {
    }

    /**
     * The statements of {@code text} in order; empty statements and comment-only stretches are left
     * out. Tokens come from the plugin's one SQL lexer; an unterminated string or body runs to the
     * end of the text and is sent as it is, for the server to report.
     */
    static List<Statement> of(String text) {
        List<Statement> statements = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(text);
        int start = -1;
        int depth = 0;
        List<String> words = new ArrayList<>();
        ClientCopy copy = null;
        while (lexer.advance()) {
            SqlTokenKind kind = lexer.kind();
            if (kind.isComment()) {
                continue;
            }
            if (kind == SqlTokenKind.PUNCTUATION && lexer.isPunctuation(';') && depth == 0) {
                if (start >= 0) {
                    statements.add(new Statement(start, lexer.start(), words, copy != null && copy.withClient()));
                }
                start = -1;
                words = new ArrayList<>();
                copy = null;
                continue;
            }
            if (start < 0) {
                start = lexer.start();
                copy = lexer.isWord("copy") ? new ClientCopy() : null;
            } else if (copy != null) {
                copy.accept(lexer);
            }
            if (kind == SqlTokenKind.PUNCTUATION) {
                depth += lexer.isPunctuation('(') ? 1 : lexer.isPunctuation(')') && depth > 0 ? -1 : 0;
            } else if (kind == SqlTokenKind.WORD) {
                String word = text.substring(lexer.start(), lexer.end()).toUpperCase(Locale.ROOT);
                addWord(words, word);
            } else if (kind == SqlTokenKind.QUOTED_IDENTIFIER) {
                addWord(words, QUOTED);
            }
        }
        if (start >= 0) {
            statements.add(new Statement(start, text.length(), words, copy != null && copy.withClient()));
        }
        return List.copyOf(statements);
    }

    private static void addWord(List<String> words, String word) {
        if (words.size() < LEADING_WORDS) {
            words.add(word);
        }
    }
}
