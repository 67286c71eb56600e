package dev.atdd.core.types;

import java.util.List;

/**
 * One column of a relational table.
 *
 * @param name    the final column name (snake_case, at most 63 bytes), unquoted
 * @param pointer JSON pointer of the property in the contract, for messages
 * @param checks  CHECK constraints on this column alone
 * @param todos   review notes for this column, rendered as TODO lines
 */
public record Column(String name, String pointer, PgType type, boolean notNull,
                     List<Check> checks, List<String> todos) {

    public Column {
        checks = List.copyOf(checks);
        todos = List.copyOf(todos);
    }
}
