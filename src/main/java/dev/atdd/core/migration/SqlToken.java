package dev.atdd.core.migration;

import java.util.Objects;

/**
 * One token of SQL text, located by its offsets in the text and its 1-based line and column
 * (columns count UTF-16 characters; a byte-order mark at the start of the text is not counted).
 *
 * @param text  the token exactly as written
 * @param value for a word its lower-case fold, for a quoted identifier its unescaped name, for a
 *              standard {@code '...'} string its content, otherwise the text (prefixed strings too)
 * @param start offset of the first character
 * @param end   offset just after the last character
 */
public record SqlToken(SqlTokenKind kind, String text, String value, int line, int column, int start, int end) {

    public SqlToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
    }

    /** True for a {@code "quoted"} identifier, whose case is significant. */
    public boolean quoted() {
        return kind == SqlTokenKind.QUOTED_IDENTIFIER;
    }

    /** True when this is the unquoted word {@code lowerCaseKeyword}, in any letter case. */
    public boolean isWord(String lowerCaseKeyword) {
        return kind == SqlTokenKind.WORD && value.equals(lowerCaseKeyword);
    }

    public boolean isPunctuation(char c) {
        return kind == SqlTokenKind.PUNCTUATION && text.charAt(0) == c;
    }

    /** True when this is the single-character operator {@code c} (the lexer cuts {@code <>} into two). */
    public boolean isOperator(char c) {
        return kind == SqlTokenKind.OPERATOR && text.charAt(0) == c;
    }
}
