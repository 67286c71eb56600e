package dev.atdd.core.types;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The normalized shape of a contract: its columns (the standard {@code id}, {@code created_at} and
 * {@code updated_at} are added by the template, not listed here) and the table-level review notes.
 *
 * @param contractKeyType the type the contract's own {@code id} maps to when that is not UUID: the template
 *                        writes the UUID key all the same, with a TODO to review it, and a reviewer may give
 *                        the key this type instead
 * @param contractKeyLongestText where that type is TEXT, the most characters the contract's id may have, as
 *                        {@link Column#longestText()} says
 */
public record RelationalTable(List<Column> columns, List<String> todos, Optional<PgType> contractKeyType,
                              OptionalInt contractKeyLongestText) {

    /** The key column the template writes; a contract's {@code id} property maps onto it. */
    public static final String KEY = "id";
    /** The timestamp columns the template writes, unless a property supplies one itself. */
    public static final Set<String> STANDARD_TIMESTAMPS = Set.of("created_at", "updated_at");

    public RelationalTable {
        columns = List.copyOf(columns);
        todos = List.copyOf(todos);
        Objects.requireNonNull(contractKeyType, "contractKeyType");
        Objects.requireNonNull(contractKeyLongestText, "contractKeyLongestText");
    }

    /**
     * The standard {@code created_at}/{@code updated_at} columns that a contract property supplies
     * itself (always as TIMESTAMPTZ): the template must not write these a second time.
     */
    public List<String> replacedStandardColumns() {
        return columns.stream().map(Column::name)
                .filter(STANDARD_TIMESTAMPS::contains).toList();
    }

    /** The columns of the table the template writes: the key, these, and the standard timestamps not replaced. */
    public int columnCount() {
        return 1 + columns.size() + STANDARD_TIMESTAMPS.size() - replacedStandardColumns().size();
    }

    public boolean hasJsonb() {
        return columns.stream().anyMatch(c -> c.type() == PgType.JSONB);
    }
}
