package dev.atdd.core.types;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One column of a relational table.
 *
 * @param name    the final column name (snake_case, at most 63 bytes), unquoted
 * @param pointer JSON pointer of the property in the contract, for messages
 * @param narrowest the narrowest type a table's column may have and still hold every value: SMALLINT for an
 *                integer bounded within 16 bits, else the type
 * @param checks  CHECK constraints on this column alone
 * @param todos   review notes for this column, rendered as TODO lines
 * @param items   for a JSONB column of an array whose items are all of one scalar type, what they map to
 * @param alternative another type a reviewer may give the column instead, as its review note says: TEXT for a
 *                union of scalar types, the contract's own type for the key
 * @param longestText where the column (or its alternative) is TEXT, the most characters a value the contract
 *                admits may have: its {@code maxLength}, or its longest {@code enum} or {@code const} value; empty
 *                where the contract sets no bound (a union has none), so that any VARCHAR(n) refuses some
 */
public record Column(String name, String pointer, PgType type, PgType narrowest, boolean notNull,
                     List<Check> checks, List<String> todos, Optional<ScalarItems> items,
                     Optional<PgType> alternative, OptionalInt longestText) {

    public Column {
        checks = List.copyOf(checks);
        todos = List.copyOf(todos);
    }
}
