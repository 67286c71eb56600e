package dev.atdd.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkippedFileTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            init.sql                     | rename it to {yyyyMMddHHmmss}_init.sql, with a version (a UTC time) that keeps it in order
            20240101000000_orders.SQL    | rename it to 20240101000000_orders.sql (the extension in lower case)
            V1__init.sql                 | it is named as Flyway names migrations: rename it to {yyyyMMddHHmmss}_init.sql, with a version (a UTC time) that keeps it in order
            V2.1__add_orders.SQL         | it is named as Flyway names migrations: rename it to {yyyyMMddHHmmss}_add_orders.sql, with a version (a UTC time) that keeps it in order
            R__views.sql                 | it is named as Flyway names a repeatable migration, run again whenever it changes; the Supabase CLI runs a migration once: put what it creates in {yyyyMMddHHmmss}_views.sql, with a version (a UTC time) that keeps it in order, and each later change in a new migration
            B5__schema.sql               | it is named as Flyway names migrations: rename it to {yyyyMMddHHmmss}_schema.sql, with a version (a UTC time) that keeps it in order
            u3__init.sql                 | it is named as Flyway names an undo migration; the Supabase CLI runs none: move it out of the migrations folder
            20240101-orders.sql          | rename it to 20240101_orders.sql
            2024-01-15_orders.sql        | rename it to {yyyyMMddHHmmss}_2024-01-15_orders.sql, with a version (a UTC time) that keeps it in order
            20240101000000.sql           | rename it to {yyyyMMddHHmmss}_20240101000000.sql, with a version (a UTC time) that keeps it in order
            """)
    void aMisnamedFileIsToldTheNameTheSupabaseCliTakes(String name, String rename) {
        Path file = Path.of("supabase", "migrations", name);

        SkippedFile skipped = SkippedFile.misnamed(file);

        assertEquals(file, skipped.path());
        assertEquals("the Supabase CLI skips this file: its name does not match {version}_{name}.sql with a numeric"
                + " version; " + rename, skipped.reason());
    }
}
