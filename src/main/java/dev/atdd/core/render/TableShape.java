package dev.atdd.core.render;

/** The kinds of table the plugin writes, each with its own template. */
public enum TableShape {
    /** A contract table storing the whole document in one JSONB column (the default). */
    JSONB("jsonb.sql.ftl"),
    /** A contract table with one column per property, written for human review. */
    RELATIONAL("relational.sql.ftl"),
    /** An append-only event log {@code {name}_events}. */
    EVENT_LOG("event-log.sql.ftl"),
    /** A cache {@code {name}_cache}. */
    CACHE("cache.sql.ftl"),
    /** A job queue {@code {name}_jobs}. */
    QUEUE("queue.sql.ftl");

    private final String templateName;

    TableShape(String templateName) {
        this.templateName = templateName;
    }

    /** The template's file name, both in the jar and in a user's template directory. */
    public String templateName() {
        return templateName;
    }
}
