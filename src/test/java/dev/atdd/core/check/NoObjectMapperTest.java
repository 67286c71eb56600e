package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.testing.TestClassPath;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks and generation load none of Jackson's data binding machinery (its {@code ObjectMapper}):
 * some 300 classes, which a short-lived Maven JVM spent a third of a second loading and compiling
 * for a review note. Run in a fresh class loader, so that what the rest of the suite loaded does
 * not count.
 */
class NoObjectMapperTest {

    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    @TempDir
    Path project;

    @Test
    void checksAndGenerationLoadNoObjectMapper() throws Exception {
        try (TestClassPath.Loader fresh = TestClassPath.only(entry -> true)) {
            @SuppressWarnings("unchecked")
            Function<Path, String> run = (Function<Path, String>) fresh.loadClass(EveryCoreStep.class.getName())
                    .getConstructor().newInstance();

            String outcome = run.apply(project);

            assertEquals("2 missing, 1 covered, 1 TODO, 2 generated", outcome);
            assertTrue(fresh.hasLoaded("dev.atdd.core.types.TypeMapping"), "no relational contract was mapped");
            assertFalse(fresh.hasLoaded(OBJECT_MAPPER), "an ObjectMapper was loaded");
        }
    }
}
