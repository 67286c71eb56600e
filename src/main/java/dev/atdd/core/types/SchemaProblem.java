package dev.atdd.core.types;

/**
 * Why a property of a relational contract has no column: the JSON pointer of the value at fault and what is
 * wrong with it, kept apart so that the problem can be placed at that value's line and column in the file.
 */
record SchemaProblem(String pointer, String message) {
}
