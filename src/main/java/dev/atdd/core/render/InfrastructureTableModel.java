package dev.atdd.core.render;

import dev.atdd.core.naming.PgIdentifier;

/**
 * What an infrastructure template writes: a table declared in the pom, not derived from a contract.
 * Names are made here, each fitted to 63 bytes.
 *
 * @param shape the template to render it with: {@code EVENT_LOG}, {@code CACHE} or {@code QUEUE}
 * @param table the table name
 * @param index the name of the table's one index
 */
public record InfrastructureTableModel(TableShape shape, String table, String index, boolean rowLevelSecurity) {

    /** {@code {name}_events}, indexed as {@code idx_{name}_events_aggregate}. */
    public static InfrastructureTableModel eventLog(String name, boolean rowLevelSecurity) {
        return of(TableShape.EVENT_LOG, name + "_events", "aggregate", rowLevelSecurity);
    }

    /** {@code {name}_cache}, indexed as {@code idx_{name}_cache_lookup}. */
    public static InfrastructureTableModel cache(String name, boolean rowLevelSecurity) {
        return of(TableShape.CACHE, name + "_cache", "lookup", rowLevelSecurity);
    }

    /** {@code {name}_jobs}, indexed as {@code idx_{name}_jobs_queue}. */
    public static InfrastructureTableModel queue(String name, boolean rowLevelSecurity) {
        return of(TableShape.QUEUE, name + "_jobs", "queue", rowLevelSecurity);
    }

    private static InfrastructureTableModel of(TableShape shape, String table, String indexPurpose,
                                               boolean rowLevelSecurity) {
        return new InfrastructureTableModel(shape, PgIdentifier.fit(table),
                PgIdentifier.fit("idx_" + table + "_" + indexPurpose), rowLevelSecurity);
    }
}
