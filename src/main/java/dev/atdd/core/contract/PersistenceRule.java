package dev.atdd.core.contract;

/**
 * The ordered rules that decide whether a contract needs a table; the first that applies wins.
 * Each says, in words, why it decided.
 */
public enum PersistenceRule {
    STRATEGY_NONE(false, "persistence.strategy is none"),
    STRATEGY_SET(true, "persistence.strategy asks for a table"),
    NO_PROPERTIES(false, "no properties"),
    EVENT(false, "an event: the aspect ends in 'ed' and there is no id property"),
    INTERNAL(false, "x-artifact-metadata.to is internal: passed within a service, never stored"),
    HAS_ID(true, "has an id property"),
    DERIVED(false, "derived data: the description says computed, calculated, derived or aggregate(d)"),
    EXTERNAL(true, "x-artifact-metadata.to is external, and it has properties"),
    NO_RULE(false, "no rule asks for a table (no id property, x-artifact-metadata.to is not external,"
            + " no persistence.strategy)");

    private final boolean needsTable;
    private final String reason;

    PersistenceRule(boolean needsTable, String reason) {
        this.needsTable = needsTable;
        this.reason = reason;
    }

    public boolean needsTable() {
        return needsTable;
    }

    public String reason() {
        return reason;
    }
}
