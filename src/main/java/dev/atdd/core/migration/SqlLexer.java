package dev.atdd.core.migration;

import dev.atdd.core.LineBreaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A single-pass PostgreSQL 15 lexer with a cursor: {@link #advance()} moves to the next token, whose
 * kind and position are then read without allocating; {@link #token()} makes a snapshot when one is
 * needed. Whitespace is skipped; comments are tokens, so that a TODO scanner can see them.
 *
 * <p>Strings follow {@code standard_conforming_strings = on} (PostgreSQL's default): a backslash
 * escapes only inside {@code E'..'}. A construct left open at the end of the text becomes one last
 * token running to the end, and {@link #error()} says where it started; the lexer never throws on
 * bad SQL. Lines end where {@link LineBreaks} says: CRLF, LF and CR-only files count alike.
 */
public final class SqlLexer {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final boolean[] ASCII_IDENTIFIER_PART = new boolean[128];

    static {
        for (char c = 0; c < ASCII_IDENTIFIER_PART.length; c++) {
            ASCII_IDENTIFIER_PART[c] = isIdentifierStart(c) || isDigit(c) || c == '$';
        }
    }

    private final String text;
    private final int length;
    private int pos;
    private int line = 1;
    private int lineStart;

    private SqlTokenKind kind;
    private int start;
    private int end;
    private int tokenLine;
    private int tokenColumn;
    private SqlLexError error;
    private final LineBreaks breaks;

    public SqlLexer(CharSequence text) {
        this.text = text.toString();
        this.length = this.text.length();
        this.breaks = new LineBreaks(this.text);
        // A leading byte order mark is no token, and takes no column.
        lineStart = LineBreaks.firstLineStart(this.text);
        pos = lineStart;
    }

    /**
     * Lexes {@code text[from, to)}, which begins on line {@code line}, a line that starts at
     * {@code lineStart}: the body of a dollar-quoted string, say, with positions and lines as in the
     * whole text.
     */
    public SqlLexer(String text, int from, int to, int line, int lineStart) {
        this.text = text;
        this.breaks = new LineBreaks(text, to);
        this.length = to;
        this.pos = from;
        this.line = line;
        this.lineStart = lineStart;
    }

    /** Every token of the text; the whole list at once, for callers that do not need the cursor. */
    public static List<SqlToken> tokenize(CharSequence text) {
        SqlLexer lexer = new SqlLexer(text);
        List<SqlToken> tokens = new ArrayList<>();
        while (lexer.advance()) {
            tokens.add(lexer.token());
        }
        return tokens;
    }

    /** Moves to the next token; false at the end of the text. */
    public boolean advance() {
        skipWhitespace();
        if (pos >= length) {
            kind = null;
            start = end = length;
            return false;
        }
        start = pos;
        tokenLine = line;
        tokenColumn = pos - lineStart + 1;
        char c = text.charAt(pos);
        char next = pos + 1 < length ? text.charAt(pos + 1) : '\0';
        if (c == '-' && next == '-') {
            lineComment();
        } else if (c == '/' && next == '*') {
            blockComment();
        } else if (c == '\'') {
            string(pos + 1, false);
        } else if (c == '"') {
            quotedIdentifier(pos + 1);
        } else if (c == '$') {
            dollar();
        } else if (isDigit(c) || (c == '.' && isDigit(next))) {
            number();
        } else if (c == ';' || c == ',' || c == '.' || c == '(' || c == ')') {
            finish(SqlTokenKind.PUNCTUATION, pos + 1);
        } else if (isIdentifierStart(c)) {
            wordOrPrefixedConstant(c, next);
        } else {
            finish(SqlTokenKind.OPERATOR, pos + 1);
        }
        return true;
    }

    public SqlTokenKind kind() {
        return kind;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int line() {
        return tokenLine;
    }

    public int column() {
        return tokenColumn;
    }

    /** True when the current token is the unquoted word {@code lowerCaseKeyword}, in any letter case. */
    public boolean isWord(String lowerCaseKeyword) {
        return isWord(text, kind, start, end, lowerCaseKeyword);
    }

    /** Whether the token {@code text[start, end)} of {@code kind} is the word, without making a string of it. */
    static boolean isWord(String text, SqlTokenKind kind, int start, int end, String lowerCaseKeyword) {
        if (kind != SqlTokenKind.WORD || end - start != lowerCaseKeyword.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseKeyword.length(); i++) {
            if (foldAscii(text.charAt(start + i)) != lowerCaseKeyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public boolean isPunctuation(char c) {
        return kind == SqlTokenKind.PUNCTUATION && text.charAt(start) == c;
    }

    /** A snapshot of the current token. */
    public SqlToken token() {
        if (kind == null) {
            throw new IllegalStateException("no current token: call advance() first");
        }
        String raw = text.substring(start, end);
        return new SqlToken(kind, raw, value(kind, raw), tokenLine, tokenColumn, start, end);
    }

    /** The construct left open at the end of the text, if any. */
    public Optional<SqlLexError> error() {
        return Optional.ofNullable(error);
    }

    /** A word folded to lower case, a quoted identifier unquoted, anything else as written. */
    static String value(SqlTokenKind kind, String raw) {
        if (kind == SqlTokenKind.WORD) {
            return foldAscii(raw);
        }
        if (kind == SqlTokenKind.QUOTED_IDENTIFIER) {
            int open = raw.indexOf('"');
            int close = raw.length() > open + 1 && raw.endsWith("\"") ? raw.length() - 1 : raw.length();
            return raw.substring(open + 1, close).replace("\"\"", "\"");
        }
        if (kind == SqlTokenKind.STRING && raw.startsWith("'")) {
            int close = raw.length() > 1 && raw.endsWith("'") ? raw.length() - 1 : raw.length();
            return raw.substring(1, close).replace("''", "'");
        }
        return raw;
    }

    private void skipWhitespace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if ((c == '\n' || c == '\r') && LineBreaks.endsLine(text, pos, length)) {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void lineComment() {
        int lineBreak = breaks.next(pos + 2);
        finish(SqlTokenKind.LINE_COMMENT, lineBreak < 0 ? length : lineBreak);
    }

    /** PostgreSQL block comments nest, unlike the SQL standard's and most other lexers'. */
    private void blockComment() {
        int depth = 1;
        int i = pos + 2;
        while (true) {
            int close = text.indexOf("*/", i);
            if (close < 0) {
                unterminated(SqlTokenKind.BLOCK_COMMENT, "unterminated /* comment");
                return;
            }
            int open = text.indexOf("/*", i);
            if (open >= 0 && open < close) {
                depth++;
                i = open + 2;
            } else if (--depth == 0) {
                finish(SqlTokenKind.BLOCK_COMMENT, close + 2);
                return;
            } else {
                i = close + 2;
            }
        }
    }

    /** From just after the opening quote; {@code ''} is a quote, and {@code \x} too when backslashes escape. */
    private void string(int from, boolean backslashEscapes) {
        int end = backslashEscapes ? escapedStringEnd(from) : plainStringEnd(from);
        if (end < 0) {
            unterminated(SqlTokenKind.STRING, "unterminated string literal");
        } else {
            finish(SqlTokenKind.STRING, end);
        }
    }

    private int plainStringEnd(int from) {
        for (int quote = text.indexOf('\'', from); quote >= 0; quote = text.indexOf('\'', quote + 2)) {
            if (quote + 1 >= length || text.charAt(quote + 1) != '\'') {
                return quote + 1;
            }
        }
        return -1;
    }

    private int escapedStringEnd(int from) {
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < length && text.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private void quotedIdentifier(int from) {
        int i = from;
        while (true) {
            int quote = text.indexOf('"', i);
            if (quote < 0) {
                unterminated(SqlTokenKind.QUOTED_IDENTIFIER, "unterminated quoted identifier");
                return;
            }
            if (quote + 1 < length && text.charAt(quote + 1) == '"') {
                i = quote + 2;
            } else {
                finish(SqlTokenKind.QUOTED_IDENTIFIER, quote + 1);
                return;
            }
        }
    }

    /** {@code $1} is a parameter; {@code $$} or {@code $tag$} opens a body closed by the same tag; else an operator. */
    private void dollar() {
        int i = pos + 1;
        if (i < length && isDigit(text.charAt(i))) {
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            finish(SqlTokenKind.PARAMETER, i);
            return;
        }
        while (i < length && isTagCharacter(text.charAt(i))) {
            i++;
        }
        if (i >= length || text.charAt(i) != '$') {
            finish(SqlTokenKind.OPERATOR, pos + 1);
            return;
        }
        String tag = text.substring(pos, i + 1);
        int close = text.indexOf(tag, i + 1);
        if (close < 0 || close + tag.length() > length) {
            unterminated(SqlTokenKind.DOLLAR_STRING, "unterminated dollar-quoted string " + tag);
        } else {
            finish(SqlTokenKind.DOLLAR_STRING, close + tag.length());
        }
    }

    private void number() {
        int i = pos;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < length && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < length && isDigit(text.charAt(exponent))) {
                i = exponent;
                while (i < length && isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        finish(SqlTokenKind.NUMBER, i);
    }

    /** A letter may prefix a constant: {@code E'..'}, {@code B'..'}, {@code X'..'}, {@code N'..'}, {@code U&'..'}, {@code U&".."}. */
    private void wordOrPrefixedConstant(char c, char next) {
        char letter = foldAscii(c);
        if (next == '\'') {
            if (letter == 'e') {
                string(pos + 2, true);
                return;
            }
            if (letter == 'b' || letter == 'x' || letter == 'n') {
                string(pos + 2, false);
                return;
            }
        }
        if (letter == 'u' && next == '&' && pos + 2 < length) {
            char quote = text.charAt(pos + 2);
            if (quote == '\'') {
                string(pos + 3, false);
                return;
            }
            if (quote == '"') {
                quotedIdentifier(pos + 3);
                return;
            }
        }
        int i = pos + 1;
        while (i < length && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        finish(SqlTokenKind.WORD, i);
    }

    private void unterminated(SqlTokenKind openKind, String message) {
        error = new SqlLexError(tokenLine, tokenColumn, message);
        finish(openKind, length);
    }

    /** Ends the current token at {@code tokenEnd}, counting the line breaks it spans. */
    private void finish(SqlTokenKind tokenKind, int tokenEnd) {
        int stop = Math.min(tokenEnd, length);
        if (canSpanLines(tokenKind)) {
            for (int i = breaks.next(pos); i >= 0 && i < stop; i = breaks.next(lineStart)) {
                line++;
                lineStart = breaks.lineAfter(i);
            }
        }
        kind = tokenKind;
        end = stop;
        pos = stop;
    }

    private static boolean canSpanLines(SqlTokenKind kind) {
        return kind == SqlTokenKind.BLOCK_COMMENT || kind == SqlTokenKind.STRING
                || kind == SqlTokenKind.DOLLAR_STRING || kind == SqlTokenKind.QUOTED_IDENTIFIER;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL takes every non-ASCII character as a letter in identifiers. */
    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && c != BYTE_ORDER_MARK);
    }

    /** The hot loop of the lexer: a table lookup for ASCII. */
    private static boolean isIdentifierPart(char c) {
        return c < ASCII_IDENTIFIER_PART.length ? ASCII_IDENTIFIER_PART[c] : c != BYTE_ORDER_MARK;
    }

    private static boolean isTagCharacter(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    /** PostgreSQL folds only ASCII letters of unquoted identifiers (in UTF-8 databases). */
    private static char foldAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static String foldAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    chars[j] = foldAscii(chars[j]);
                }
                return new String(chars);
            }
        }
        return s;
    }
}
