package dev.atdd.core.migration;

import java.util.Objects;

/**
 * A view or a type of the {@code public} schema that the migrations made: its name is taken for a
 * table too. A view is a relation, as tables and indexes are; a type ({@code CREATE TYPE},
 * {@code CREATE DOMAIN}) clashes with the type every table makes of its own name.
 *
 * @param kind   {@code view}, {@code materialized view}, {@code type}, {@code composite type} ({@code CREATE
 *               TYPE x AS (…)}, a relation too) or {@code domain}
 * @param origin where it was made
 */
public record ViewOrType(String kind, TableOrigin origin) {

    public ViewOrType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
    }

    /** A view or a composite type holds a name among the relations, where an index's name must also be free. */
    public boolean isRelation() {
        return kind.endsWith("view") || kind.equals("composite type");
    }

    /** Whether {@code DROP <dropKind>} of its name drops it: {@code DROP TYPE} drops a domain too. */
    boolean droppedBy(String dropKind) {
        return kind.equals(dropKind) || dropKind.equals("type") && (kind.equals("composite type") || kind.equals("domain"));
    }

    /**
     * A view, a domain or a range type goes with what it is built on when that is dropped with
     * {@code CASCADE}; a composite type only loses the attribute.
     */
    boolean mayDependOnOthers() {
        return !kind.equals("composite type");
    }
}
