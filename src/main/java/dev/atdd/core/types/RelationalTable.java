package dev.atdd.core.types;

import java.util.List;

/**
 * The normalized shape of a contract: its columns (the standard {@code id}, {@code created_at} and
 * {@code updated_at} are added by the template, not listed here) and the table-level review notes.
 */
public record RelationalTable(List<Column> columns, List<String> todos) {

    public RelationalTable {
        columns = List.copyOf(columns);
        todos = List.copyOf(todos);
    }

    /**
     * The standard {@code created_at}/{@code updated_at} columns that a contract property supplies
     * itself (always as TIMESTAMPTZ): the template must not write these a second time.
     */
    public List<String> replacedStandardColumns() {
        return columns.stream().map(Column::name)
                .filter(name -> name.equals("created_at") || name.equals("updated_at")).toList();
    }

    public boolean hasJsonb() {
        return columns.stream().anyMatch(c -> c.type() == PgType.JSONB);
    }
}
