package dev.atdd.core.migration;

/** What a {@link SqlToken} is. Only words, quoted identifiers and punctuation carry statement structure. */
public enum SqlTokenKind {
    /** An unquoted keyword or identifier; its value is folded to lower case like PostgreSQL does. */
    WORD,
    /** A {@code "double-quoted"} identifier; its value keeps its case, with {@code ""} unescaped. */
    QUOTED_IDENTIFIER,
    /** One of {@code ; , . ( )}. */
    PUNCTUATION,
    /** A string constant: {@code '..'}, {@code E'..'}, {@code U&'..'}, {@code B'..'}, {@code X'..'}, {@code N'..'}. */
    STRING,
    /** A dollar-quoted body: {@code $$..$$} or {@code $tag$..$tag$}. */
    DOLLAR_STRING,
    /** A numeric constant. */
    NUMBER,
    /** A positional parameter such as {@code $1}. */
    PARAMETER,
    /** A {@code --} comment, up to (not including) the end of its line. */
    LINE_COMMENT,
    /** A {@code /* *}{@code /} comment, nesting included. */
    BLOCK_COMMENT,
    /** Any other single character (operators, brackets, colons...). */
    OPERATOR;

    public boolean isComment() {
        return this == LINE_COMMENT || this == BLOCK_COMMENT;
    }
}
