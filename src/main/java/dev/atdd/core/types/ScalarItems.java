package dev.atdd.core.types;

import java.util.List;
import java.util.OptionalInt;

/**
 * The items of a JSON array property whose items are all of one scalar type: the type and checks a
 * column of one item would have. A PostgreSQL array of that type ({@code TEXT[]}, {@code INTEGER[]})
 * holds every such array as well as the JSONB column the template writes.
 *
 * @param longestText for TEXT items, the most characters one may have, as {@link Column#longestText()} says
 */
public record ScalarItems(PgType type, List<Check> checks, OptionalInt longestText) {

    public ScalarItems {
        checks = List.copyOf(checks);
    }
}
