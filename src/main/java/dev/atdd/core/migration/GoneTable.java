package dev.atdd.core.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a table of {@code public} left it after the migrations made it: dropped, renamed or moved to another
 * schema by the statement {@code by}. A table made again later is not gone.
 *
 * @param renamedTo     its new name, when renamed
 * @param movedToSchema the schema it went to, when moved
 * @param earlier       the renames before that one, when it went by way of other names: {@code renamed to t2
 *                      by x.sql:3}
 */
public record GoneTable(TableOrigin by, Optional<String> renamedTo, Optional<String> movedToSchema,
                        List<String> earlier) {

    public GoneTable {
        earlier = List.copyOf(earlier);
    }

    static GoneTable dropped(TableOrigin by) {
        return new GoneTable(by, Optional.empty(), Optional.empty(), List.of());
    }

    static GoneTable renamed(String to, TableOrigin by) {
        return new GoneTable(by, Optional.of(to), Optional.empty(), List.of());
    }

    static GoneTable moved(String schema, TableOrigin by) {
        return new GoneTable(by, Optional.empty(), Optional.of(schema), List.of());
    }

    /** How a table renamed to {@code renamed}'s name went after that: this way, by way of {@code renamed}'s steps. */
    GoneTable after(GoneTable renamed) {
        List<String> steps = new ArrayList<>(renamed.earlier);
        steps.add(renamed.step());
        steps.addAll(earlier);
        return new GoneTable(by, renamedTo, movedToSchema, steps);
    }

    /**
     * {@code dropped by x.sql:3}, {@code renamed to t2 by x.sql:3} or {@code moved to schema s by x.sql:3}, after
     * the renames on the way: {@code renamed to t2 by x.sql:3, then renamed to t3 by y.sql:1}.
     */
    public String describe() {
        List<String> steps = new ArrayList<>(earlier);
        steps.add(step());
        return String.join(", then ", steps);
    }

    private String step() {
        String how = renamedTo.map(name -> "renamed to " + name)
                .or(() -> movedToSchema.map(schema -> "moved to schema " + schema)).orElse("dropped");
        return how + " by " + by.where();
    }

    /** Where the table's rows are now: {@code t2}, {@code schema s}, or empty when it was dropped. */
    public Optional<String> rowsNowIn() {
        return renamedTo.or(() -> movedToSchema.map(schema -> "schema " + schema));
    }
}
