package dev.atdd.core.plan;

/** A planned table that already exists, and what makes it ({@code file.sql:line} or {@code existingTables}). */
public record CoveredTable(PlannedTable table, String coveredBy) {
}
