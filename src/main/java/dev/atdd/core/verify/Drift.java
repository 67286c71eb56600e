package dev.atdd.core.verify;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One difference between what the contracts ask for and what the migrations built, phrased so a
 * person can act on it: {@code billing_invoice_line_item.amount: contract says number (NUMERIC NOT
 * NULL), table has text NULL}.
 *
 * @param contract the contract that asks, or empty for a table found without one
 */
public record Drift(String table, Optional<String> column, String message, Optional<Path> contract) {

    public String describe() {
        return table + column.map(c -> "." + c).orElse("") + ": " + message;
    }
}
