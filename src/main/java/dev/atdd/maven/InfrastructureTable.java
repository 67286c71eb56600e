package dev.atdd.maven;

import dev.atdd.core.infrastructure.InfrastructureTable.Kind;

/**
 * POM form of an infrastructure table:
 * {@code <infrastructureTable><name>match</name><kind>event-log</kind></infrastructureTable>},
 * or {@code match:event-log} as text (so {@code -Datdd.infrastructureTables=match:event-log,jobs:queue}
 * works). Maven needs a mutable bean here; the core gets an immutable record.
 */
public class InfrastructureTable {

    private String name;
    private String kind;
    /** Given as text, {@code name:kind}: its problems are told in that form, not in the pom's elements. */
    private boolean text;

    public InfrastructureTable() {
    }

    /** Called by Maven for the text form {@code name:kind}. */
    public void set(String text) {
        this.text = true;
        int colon = text.indexOf(':');
        if (colon < 0) {
            this.name = text.trim();
            this.kind = "";
        } else {
            this.name = text.substring(0, colon).trim();
            this.kind = text.substring(colon + 1).trim();
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    /** The text form, as Maven's debug output (-X) shows the parameter. */
    @Override
    public String toString() {
        return name + ":" + kind;
    }

    /** @throws IllegalArgumentException naming what is wrong with this entry */
    dev.atdd.core.infrastructure.InfrastructureTable toCore() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an infrastructure table needs a " + (text
                    ? "name (name:kind, as jobs:queue), found \"" + this + "\"" : "<name>"));
        }
        Kind parsed = Kind.parse(kind == null ? "" : kind).orElseThrow(() -> new IllegalArgumentException(
                "infrastructure table \"" + name + "\": " + (text ? "its kind" : "<kind>")
                        + " must be event-log, cache or queue, found \"" + (kind == null ? "" : kind) + "\""
                        + (text ? " (name:kind, as " + name.trim() + ":queue)" : "")));
        return new dev.atdd.core.infrastructure.InfrastructureTable(name.trim(), parsed);
    }
}
