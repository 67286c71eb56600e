package dev.atdd.core.migration;

import dev.atdd.core.Problem;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code .sql} file in the migrations folder that the Supabase CLI would not apply, and why. */
public record SkippedFile(Path path, String reason) {

    /**
     * Flyway's names, which Java teams bring along: versioned ({@code V1__init.sql}), baseline
     * ({@code B5__schema.sql}), repeatable ({@code R__views.sql}) and undo ({@code U1__init.sql}) migrations.
     */
    private static final Pattern FLYWAY = Pattern.compile("([VBRU])[0-9._]*__(.+)\\.sql", Pattern.CASE_INSENSITIVE);
    /**
     * A version set off by another character than {@code _}: {@code 20240101-orders.sql}. Not where digits
     * follow, as in a date written {@code 2024-01-15_orders.sql}: its version would be 2024, before every other.
     */
    private static final Pattern OTHER_SEPARATOR = Pattern.compile("(\\d+)[-. ](\\D.*)\\.sql",
            Pattern.CASE_INSENSITIVE);

    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** A file whose name the Supabase CLI does not take for a migration's, with the name it would take. */
    static SkippedFile misnamed(Path path) {
        String name = path.getFileName().toString();
        String sql = MigrationFiles.SQL_SUFFIX;
        String base = name.substring(0, name.length() - sql.length());
        Matcher flyway = FLYWAY.matcher(name);
        Matcher otherSeparator = OTHER_SEPARATOR.matcher(name);
        String inOrder = ", with a version (a UTC time) that keeps it in order";
        String rename;
        if (MigrationFile.named(path.resolveSibling(base + sql)).isPresent()) {
            rename = "rename it to " + base + sql + " (the extension in lower case)";
        } else if (flyway.matches()) {
            // Only a versioned migration maps onto Supabase's: the CLI runs each file once, and undoes nothing.
            rename = switch (Character.toUpperCase(flyway.group(1).charAt(0))) {
                case 'R' -> "it is named as Flyway names a repeatable migration, run again whenever it changes;"
                        + " the Supabase CLI runs a migration once: put what it creates in {yyyyMMddHHmmss}_"
                        + flyway.group(2) + sql + inOrder + ", and each later change in a new migration";
                case 'U' -> "it is named as Flyway names an undo migration; the Supabase CLI runs none:"
                        + " move it out of the migrations folder";
                default -> "it is named as Flyway names migrations: rename it to {yyyyMMddHHmmss}_" + flyway.group(2)
                        + sql + inOrder;
            };
        } else if (otherSeparator.matches()) {
            rename = "rename it to " + otherSeparator.group(1) + "_" + otherSeparator.group(2) + sql;
        } else {
            rename = "rename it to {yyyyMMddHHmmss}_" + base + sql + inOrder;
        }
        return new SkippedFile(path, "the Supabase CLI skips this file: its name does not match {version}_{name}.sql"
                + " with a numeric version; " + rename);
    }

    /** As a warning to show the user. */
    public Problem toProblem() {
        return Problem.in(path, reason);
    }
}
