package dev.atdd.core.verify;

import dev.atdd.core.DisplayPath;
import dev.atdd.core.migration.TableOrigin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What applying the migrations to a scratch database showed.
 *
 * @param applied                 the migrations applied, in version order
 * @param drift                   differences between the contracts and the built schema
 * @param withoutRowLevelSecurity public tables API clients could read without a policy, and what made them
 * @param preludeFileTables       public tables the prelude file made and no migration made again: another module's
 * @param tableOrigins            where a migration made each table whose columns or indexes drift, as the migration
 *                                index places it: none for a table the prelude file or an {@code EXECUTE} made
 */
public record VerificationReport(List<Path> applied, List<Drift> drift, List<UnprotectedTable> withoutRowLevelSecurity,
                                 Set<String> preludeFileTables, Map<String, TableOrigin> tableOrigins) {

    /** Generation stops at a table's creation: a contract that changes later needs a hand-written migration. */
    // The table may be what changed (a hand-edited migration) as well as the contract.
    static final String BUILT_TABLE_DRIFT_HINT = "Fix the side that is wrong: the contract, or the table with a new"
            + " migration that alters it (generate-migrations only writes the tables that are missing).";

    public VerificationReport {
        applied = List.copyOf(applied);
        drift = List.copyOf(drift);
        withoutRowLevelSecurity = List.copyOf(withoutRowLevelSecurity);
        preludeFileTables = Set.copyOf(preludeFileTables);
        tableOrigins = Map.copyOf(tableOrigins);
    }

    /**
     * Whether the build passes, as the user's settings decide.
     *
     * @param passed                  false when drift (with failOnDrift) or the row level security check fails it
     * @param failure                 what fails the build, as it shows it; empty when it passed
     * @param warnings                lines to log as warnings: what the settings only warn about
     * @param withoutRowLevelSecurity the public tables without row level security the check counts (none when off)
     */
    public record Verdict(boolean passed, String failure, List<String> warnings, List<String> withoutRowLevelSecurity) {

        public Verdict {
            warnings = List.copyOf(warnings);
            withoutRowLevelSecurity = List.copyOf(withoutRowLevelSecurity);
        }
    }

    /**
     * @param rowLevelSecurity what a public table without row level security does
     * @param failOnDrift      whether drift fails the build ({@code false}: its lines are warnings)
     */
    public Verdict verdict(RowLevelSecurityCheck rowLevelSecurity, boolean failOnDrift, Path base) {
        List<UnprotectedTable> unprotected = rowLevelSecurity == RowLevelSecurityCheck.OFF ? List.of()
                : withoutRowLevelSecurity;
        boolean rlsFails = rowLevelSecurity == RowLevelSecurityCheck.FAIL && !unprotected.isEmpty();
        boolean driftFails = failOnDrift && !drift.isEmpty();
        List<String> warnings = new ArrayList<>();
        if (rowLevelSecurity == RowLevelSecurityCheck.WARN && !unprotected.isEmpty()) {
            warnings.add(rowLevelSecurityMessage(unprotected, false));
        }
        if (!failOnDrift && !drift.isEmpty()) {
            warnings.addAll(describeDrift(base).lines().toList());
        }
        String failure = ((driftFails ? describeDrift(base) + "\n" : "")
                + (rlsFails ? rowLevelSecurityMessage(unprotected, true) : "")).strip();
        return new Verdict(!driftFails && !rlsFails, failure, warnings,
                unprotected.stream().map(UnprotectedTable::name).toList());
    }

    /**
     * The drift as the build shows it, one difference a line: under the file of the contract that asks
     * (several columns of one contract often differ together) and the migration that made its table, to
     * mend or to follow with an ALTER TABLE; then those of the tables the pom declares.
     *
     * @param base what the contracts' paths are shown relative to (the project's folder)
     */
    public String describeDrift(Path base) {
        StringBuilder out = new StringBuilder();
        out.append(drift.size()).append(drift.size() == 1 ? " difference" : " differences")
                .append(" between the contracts and the schema the migrations build:");
        Map<Optional<Path>, List<Drift>> byContract = drift.stream()
                .collect(Collectors.groupingBy(Drift::contract, LinkedHashMap::new, Collectors.toList()));
        byContract.forEach((contract, differences) -> contract.ifPresent(file -> {
            // A contract asks for one table.
            String madeAt = Optional.ofNullable(tableOrigins.get(differences.get(0).table()))
                    .map(origin -> " (table made at " + origin.where() + ")").orElse("");
            out.append("\n  ").append(DisplayPath.of(base, file)).append(madeAt).append(':');
            differences.forEach(d -> out.append("\n    ").append(d.describe()));
        }));
        List<Drift> declared = byContract.getOrDefault(Optional.empty(), List.of());
        if (!declared.isEmpty()) {
            out.append("\n  declared in the pom (infrastructureTables):");
            declared.forEach(d -> out.append("\n    ").append(d.describe()));
        }
        if (drift.stream().anyMatch(Drift::inBuiltTable)) {
            out.append("\n").append(BUILT_TABLE_DRIFT_HINT);
            // No migration here alters a table another module makes: that module does, and the prelude file follows.
            List<String> fromPreludeFile = drift.stream().filter(Drift::inBuiltTable).map(Drift::table)
                    .filter(preludeFileTables::contains).distinct().toList();
            if (!fromPreludeFile.isEmpty()) {
                boolean one = fromPreludeFile.size() == 1;
                out.append("\n").append(String.join(", ", fromPreludeFile)).append(one ? " is" : " are")
                        .append(" made by the prelude file, as another module or tool makes ")
                        .append(one ? "it" : "them").append(": fix the table there, and the prelude file after it.");
            }
        }
        return out.toString();
    }

    /**
     * Names each table with what made it, and says where to enable row level security: in a migration, or
     * in the prelude file for a table it makes; the way out through the setting only while it fails the build.
     */
    private static String rowLevelSecurityMessage(List<UnprotectedTable> tables, boolean failing) {
        boolean byPreludeFile = tables.stream().anyMatch(t -> t.preludeFile().isPresent());
        boolean byMigration = tables.stream().anyMatch(t -> t.preludeFile().isEmpty());
        String where = !byPreludeFile ? "in a migration"
                : byMigration ? "in a migration, or in the prelude file for a table it makes" : "in the prelude file";
        return "Row level security is off on " + tables.size() + (tables.size() == 1 ? " public table: " : " public tables: ")
                + String.join(", ", tables.stream().map(UnprotectedTable::described).toList())
                + ". Supabase serves the public schema through its API: enable row level security on "
                + (tables.size() == 1 ? "it " : "each ") + where
                + (failing ? " (or set rowLevelSecurityCheck=warn)." : ".");
    }
}
