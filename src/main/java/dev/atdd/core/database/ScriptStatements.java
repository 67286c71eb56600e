package dev.atdd.core.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The top-level statements of a SQL script, found by a deliberately small tokenizer: it knows
 * comments (nested block comments too), string literals ({@code E''} escapes included), quoted
 * identifiers and dollar-quoted bodies, and splits at {@code ;} outside parentheses. It only serves
 * to spot the statements PostgreSQL refuses inside a transaction block and to send those one by
 * one; the server remains the judge of the SQL. (SQL-standard {@code BEGIN ATOMIC} bodies are not
 * understood; a script holding one is still sent whole unless it also needs to run outside a
 * transaction.)
 */
final class ScriptStatements {

    /** Keywords kept per statement: enough to recognise every command in {@link #cannotRunInTransaction}. */
    private static final int LEADING_WORDS = 6;
    /** Stands for a quoted identifier among the leading words, so that it is not taken for a keyword. */
    private static final String QUOTED = "\"";

    /**
     * One statement: {@code text.substring(start, end)}, from its first token to just before its
     * {@code ;}, and its first words in upper case.
     */
    record Statement(int start, int end, List<String> leadingWords) {

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

    /** The statements of {@code text} in order; empty statements and comment-only stretches are left out. */
    static List<Statement> of(String text) {
        List<Statement> statements = new ArrayList<>();
        int start = -1;
        int depth = 0;
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && next(text, i) == '-') {
                i = lineEnd(text, i);
                continue;
            }
            if (c == '/' && next(text, i) == '*') {
                i = blockCommentEnd(text, i);
                continue;
            }
            if (c == ';' && depth == 0) {
                if (start >= 0) {
                    statements.add(new Statement(start, i, words));
                }
                start = -1;
                words = new ArrayList<>();
                i++;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            int tokenEnd;
            if (c == '\'') {
                tokenEnd = quotedEnd(text, i, '\'', escapesBackslash(text, i));
            } else if (c == '"') {
                tokenEnd = quotedEnd(text, i, '"', false);
                addWord(words, QUOTED);
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                tokenEnd = close < 0 ? text.length() : close + tag.length();
            } else if (isWordStart(c)) {
                tokenEnd = i + 1;
                while (tokenEnd < text.length() && isWordPart(text.charAt(tokenEnd))) {
                    tokenEnd++;
                }
                addWord(words, text.substring(i, tokenEnd).toUpperCase(Locale.ROOT));
            } else {
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                tokenEnd = i + 1;
            }
            i = tokenEnd;
        }
        if (start >= 0) {
            statements.add(new Statement(start, text.length(), words));
        }
        return List.copyOf(statements);
    }

    private static void addWord(List<String> words, String word) {
        if (words.size() < LEADING_WORDS) {
            words.add(word);
        }
    }

    private static char next(String text, int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : '\0';
    }

    private static int lineEnd(String text, int i) {
        int end = text.indexOf('\n', i);
        return end < 0 ? text.length() : end + 1;
    }

    private static int blockCommentEnd(String text, int i) {
        int depth = 0;
        int j = i;
        while (j < text.length()) {
            if (text.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (text.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return text.length();
    }

    /** End (exclusive) of a literal or quoted identifier opened at {@code i}; a doubled quote stays inside. */
    private static int quotedEnd(String text, int i, char quote, boolean backslashEscapes) {
        int j = i + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote && next(text, j) == quote) {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else {
                j++;
            }
        }
        return text.length();
    }

    /** {@code E'...'} (or {@code e'...'}) is the one literal where a backslash escapes the quote. */
    private static boolean escapesBackslash(String text, int quote) {
        if (quote == 0 || Character.toUpperCase(text.charAt(quote - 1)) != 'E') {
            return false;
        }
        return quote == 1 || !isWordPart(text.charAt(quote - 2));
    }

    /** The opening {@code $tag$} at {@code i}, or {@code null} when the {@code $} starts no dollar quote. */
    private static String dollarTag(String text, int i) {
        if (i > 0 && isWordPart(text.charAt(i - 1))) {
            return null;
        }
        int j = i + 1;
        if (j < text.length() && isWordStart(text.charAt(j))) {
            j++;
            while (j < text.length() && isWordPart(text.charAt(j)) && text.charAt(j) != '$') {
                j++;
            }
        }
        return j < text.length() && text.charAt(j) == '$' ? text.substring(i, j + 1) : null;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
