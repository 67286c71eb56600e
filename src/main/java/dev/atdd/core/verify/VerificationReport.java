package dev.atdd.core.verify;

import java.nio.file.Path;
import java.util.List;

/**
 * What applying the migrations to a scratch database showed.
 *
 * @param applied                 the migrations applied, in version order
 * @param drift                   differences between the contracts and the built schema
 * @param withoutRowLevelSecurity public tables API clients could read without a policy
 */
public record VerificationReport(List<Path> applied, List<Drift> drift, List<String> withoutRowLevelSecurity) {

    public VerificationReport {
        applied = List.copyOf(applied);
        drift = List.copyOf(drift);
        withoutRowLevelSecurity = List.copyOf(withoutRowLevelSecurity);
    }

    /** The drift as the build shows it, one difference a line. */
    public String describeDrift() {
        StringBuilder out = new StringBuilder();
        out.append(drift.size()).append(drift.size() == 1 ? " difference" : " differences")
                .append(" between the contracts and the schema the migrations build:");
        drift.forEach(d -> out.append("\n  ").append(d.describe()));
        return out.toString();
    }

    public static String rowLevelSecurityMessage(List<String> tables) {
        return "Row level security is off on " + tables.size() + (tables.size() == 1 ? " public table: " : " public tables: ")
                + String.join(", ", tables) + ". Supabase serves the public schema through its API: enable"
                + " row level security on each in a migration (or set rowLevelSecurityCheck=warn).";
    }
}
