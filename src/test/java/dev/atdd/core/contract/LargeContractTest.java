package dev.atdd.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50 MB contract is read whole, quickly, whatever makes it large. */
class LargeContractTest {

    static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void aContractOfHundredsOfThousandsOfPropertiesIsRead() throws IOException {
        Path file = manyProperties(root.resolve("big/many/properties.schema.json"), FIFTY_MB);

        long start = System.nanoTime();
        Contract contract = ContractReader.read(file, root);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(Files.size(file) >= FIFTY_MB);
        assertTrue(contract.hasProperty("p0") && contract.schema().at("/properties").size() > 250_000);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
    }

    @Test
    void aContractHoldingOneHugeStringIsRead() throws IOException {
        // Jackson's default limit on one string is 20 million characters; a contract file may hold more.
        Path file = root.resolve("big/one/string.schema.json");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"properties\": {\"id\": {\"type\": \"string\"}}, \"examples\": [\"");
            String chunk = "é".repeat(1024);
            for (long written = 0; written < FIFTY_MB; written += 2L * chunk.length()) {
                out.write(chunk);
            }
            out.write("\"]}");
        }

        Contract contract = ContractReader.read(file, root);

        assertTrue(contract.hasProperty("id"));
        assertEquals(FIFTY_MB / 2, contract.schema().at("/examples/0").asText().length());
    }

    /** Writes a contract of properties with descriptions until the file holds {@code size} bytes. */
    static Path manyProperties(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        String description = "a property described at some length, so that the file grows quickly".repeat(2);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"title\": \"Big\", \"properties\": {\n");
            long written = 0;
            for (int i = 0; written < size; i++) {
                String line = (i == 0 ? "" : ",\n") + "\"p" + i + "\": {\"type\": \"string\", \"description\": \""
                        + description + "\"}";
                out.write(line);
                written += line.length();
            }
            out.write("\n}}\n");
        }
        return file;
    }
}
