package dev.atdd.core.verify;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One difference between what the contracts ask for and what the migrations built, phrased so a
 * person can act on it: {@code billing_invoice_line_item.amount: contract says number (NUMERIC NOT
 * NULL), table has text NULL}.
 *
 * @param column   the column that differs, for a difference in a column
 * @param index    the index the contract asks for, for a difference in the table's indexes
 * @param contract the contract that asks, or empty for a table found without one
 */
public record Drift(String table, Optional<String> column, Optional<String> index, String message,
                    Optional<Path> contract) {

    public String describe() {
        return table + column.map(c -> "." + c).orElse("") + ": " + message;
    }

    /**
     * Whether the difference lies in a table the migrations built (a column, an index), not in its
     * absence: a migration made the table, to mend or to follow with another.
     */
    public boolean inBuiltTable() {
        return column.isPresent() || index.isPresent();
    }
}
