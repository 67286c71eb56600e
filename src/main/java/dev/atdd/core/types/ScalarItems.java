package dev.atdd.core.types;

import java.util.List;

/**
 * The items of a JSON array property whose items are all of one scalar type: the type and checks a
 * column of one item would have. A PostgreSQL array of that type ({@code TEXT[]}, {@code INTEGER[]})
 * holds every such array as well as the JSONB column the template writes.
 */
public record ScalarItems(PgType type, List<Check> checks) {

    public ScalarItems {
        checks = List.copyOf(checks);
    }
}
