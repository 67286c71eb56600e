package dev.atdd.core.migration;

import java.util.Optional;

/**
 * How a table of {@code public} left it after the migrations made it: dropped, renamed or moved to another
 * schema by the statement {@code by}. A table made again later is not gone.
 *
 * @param renamedTo     its new name, when renamed
 * @param movedToSchema the schema it went to, when moved
 */
public record GoneTable(TableOrigin by, Optional<String> renamedTo, Optional<String> movedToSchema) {

    static GoneTable dropped(TableOrigin by) {
        return new GoneTable(by, Optional.empty(), Optional.empty());
    }

    static GoneTable renamed(String to, TableOrigin by) {
        return new GoneTable(by, Optional.of(to), Optional.empty());
    }

    static GoneTable moved(String schema, TableOrigin by) {
        return new GoneTable(by, Optional.empty(), Optional.of(schema));
    }

    /** {@code dropped by x.sql:3}, {@code renamed to t2 by x.sql:3} or {@code moved to schema s by x.sql:3}. */
    public String describe() {
        String how = renamedTo.map(name -> "renamed to " + name)
                .or(() -> movedToSchema.map(schema -> "moved to schema " + schema)).orElse("dropped");
        return how + " by " + by.where();
    }

    /** Where the table's rows are now: {@code t2}, {@code schema s}, or empty when it was dropped. */
    public Optional<String> rowsNowIn() {
        return renamedTo.or(() -> movedToSchema.map(schema -> "schema " + schema));
    }
}
