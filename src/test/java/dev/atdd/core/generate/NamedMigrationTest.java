package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.check.CoverageReport;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.testing.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A contract's persistence.migration names the file its missing table is written to, or says why it cannot be. */
class NamedMigrationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path project;

    private final MigrationGenerator generator =
            new MigrationGenerator(SqlTemplates.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theMissingTableIsWrittenToTheNamedFileWhichCheckCoverageThenAccepts() throws IOException {
        migration("20261201000000_start.sql", "CREATE TABLE start (id int);\n");
        contract("billing/tax/rate.schema.json", "supabase/migrations/20261205000000_rates.sql");
        contract("billing/tax/zone.schema.json", null);

        GenerationReport report = generator.generate(request());

        // In version order; the table without a name follows the named one, as it would a file already there.
        assertEquals(List.of("20261205000000_rates.sql", "20261205000001_billing_tax_zone.sql"),
                report.written().stream().map(w -> w.file().getFileName().toString()).toList());
        assertEquals(List.of("billing_tax_rate", "billing_tax_zone"),
                report.written().stream().map(GenerationReport.Written::table).toList());
        assertTrue(Files.readString(migrations().resolve("20261205000000_rates.sql"))
                .contains("CREATE TABLE billing_tax_rate"));
        CoverageReport coverage = CoverageReport.of(
                TablePlan.of(ContractCatalog.load(project.resolve("contracts")), Strategy.JSONB, List.of()),
                new TableLookup(MigrationIndex.scan(migrations()), Set.of()));
        assertTrue(coverage.passed(), coverage.describe(project));
    }

    @Test
    void aNamedFileThatExistsIsNeverOverwritten() throws IOException {
        Path existing = migration("20261205000000_rates.sql", "SELECT 1;\n");
        Path rate = contract("billing/tax/rate.schema.json", "20261205000000_rates.sql");

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request()));

        assertEquals(List.of(new Problem(rate, 1, 97, "/x-artifact-metadata/persistence/migration: names"
                + " 20261205000000_rates.sql for the missing table billing_tax_rate, which exists already, yet no"
                + " table billing_tax_rate exists after the migrations; a migration is never overwritten; name a new"
                + " file with a later version, or remove persistence.migration and the generator names one")),
                failure.problems());
        assertEquals("SELECT 1;\n", Files.readString(existing));
        assertEquals(List.of(existing), migrationFiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rates.sql", "20261205_rates.sql", "20261305000000_rates.sql", "20261205000000_rates.SQL",
            "supabase/migrations/"})
    void aNameThatIsNoTimestampedMigrationNameIsAProblemOfTheContract(String name) throws IOException {
        Path rate = contract("billing/tax/rate.schema.json", name);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request()));

        assertEquals(rate, failure.problems().get(0).file());
        assertEquals("/x-artifact-metadata/persistence/migration: names " + name + " for the missing table"
                + " billing_tax_rate, which is not a migration name the generator can write:"
                + " {yyyyMMddHHmmss}_{name}.sql, the version a UTC time; name a new file with a later version, or"
                + " remove persistence.migration and the generator names one", failure.problems().get(0).message());
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void aVersionNotAfterTheNewestMigrationIsAProblem() throws IOException {
        migration("20261203000000_later.sql", "CREATE TABLE later (id int);\n");
        Path rate = contract("billing/tax/rate.schema.json", "20261203000000_rates.sql");

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request()));

        assertEquals(rate, failure.problems().get(0).file());
        assertTrue(failure.problems().get(0).message().contains(", whose version is not after that of the newest"
                + " migration, 20261203000000_later.sql: the Supabase CLI refuses to push a migration older than the"
                + " last one applied;"), failure.problems().get(0).message());
    }

    @Test
    void twoContractsNamingOneVersionIsAProblemOfTheSecondNamingTheFirst() throws IOException {
        contract("billing/tax/rate.schema.json", "20261205000000_rates.sql");
        Path zone = contract("billing/tax/zone.schema.json", "20261205000000_zones.sql");

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request()));

        assertEquals(List.of(zone), failure.problems().stream().map(Problem::file).toList());
        assertTrue(failure.problems().get(0).message().contains(", whose version is that of 20261205000000_rates.sql,"
                + " which contract billing/tax/rate names: Supabase applies one migration per version;"),
                failure.problems().get(0).message());
    }

    @Test
    void withWriteValidContractsOnlyTheContractWithTheUnusableNameIsLeftOut() throws IOException {
        contract("billing/tax/rate.schema.json", "rates.sql");
        contract("billing/tax/zone.schema.json", null);

        GenerationReport report = generator.generate(new GenerationRequest(project.resolve("contracts"), migrations(),
                Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(), true));

        assertEquals(List.of("billing_tax_zone"), report.written().stream().map(GenerationReport.Written::table).toList());
        assertEquals(1, report.skipped().size());
    }

    private GenerationRequest request() {
        return new GenerationRequest(project.resolve("contracts"), migrations(), Optional.empty(), Strategy.JSONB,
                true, List.of(), Set.of(), false);
    }

    private Path migrations() {
        return project.resolve("supabase/migrations");
    }

    private Path migration(String name, String sql) {
        return Folders.write(migrations().resolve(name), sql);
    }

    private Path contract(String relativePath, String migration) {
        String persistence = migration == null ? "" : ", \"x-artifact-metadata\": {\"persistence\": {\"migration\": \""
                + migration + "\"}}";
        return Folders.write(project.resolve("contracts").resolve(relativePath),
                "{\"properties\": {\"id\": {\"type\": \"string\"}}" + persistence + "}\n");
    }

    private List<Path> migrationFiles() throws IOException {
        if (!Files.isDirectory(migrations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations())) {
            return files.sorted().toList();
        }
    }
}
