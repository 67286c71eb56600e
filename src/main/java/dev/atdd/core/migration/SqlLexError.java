package dev.atdd.core.migration;

/** A construct the lexer could not close before the end of the text, located where it starts. */
public record SqlLexError(int line, int column, String message) {
}
