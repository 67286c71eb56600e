package dev.atdd.core.migration;

import java.util.Objects;

/**
 * A view or a type of the {@code public} schema that the migrations made: its name is taken for a
 * table too. A view is a relation, as tables and indexes are; a type ({@code CREATE TYPE},
 * {@code CREATE DOMAIN}) clashes with the type every table makes of its own name.
 *
 * @param kind   {@code view}, {@code materialized view}, {@code type} or {@code domain}, as the SQL says
 * @param origin where it was made
 */
public record ViewOrType(String kind, TableOrigin origin) {

    public ViewOrType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
    }

    /** A view holds a name among the relations, where an index's name must also be free. */
    public boolean isRelation() {
        return kind.endsWith("view");
    }
}
