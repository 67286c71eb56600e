package dev.atdd.core.types;

import java.util.List;

/** A column CHECK derived from the contract. Values are raw text; the renderer makes them literals. */
public sealed interface Check {

    /** {@code enum} (or {@code const}, one value): the column must hold one of these values. */
    record AllowedValues(List<String> values) implements Check {
        public AllowedValues {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an allowed-values check needs at least one value");
            }
        }

        public boolean single() {
            return values.size() == 1;
        }
    }

    /** {@code pattern}, already translated to a PostgreSQL regular expression that means the same. */
    record PatternMatch(String regex, String original) implements Check {
    }
}
