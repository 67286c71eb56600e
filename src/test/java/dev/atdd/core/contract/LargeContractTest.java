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

    @TempDir
    Path root;

    @Test
    void aContractOfHundredsOfThousandsOfPropertiesIsRead() throws IOException {
        Path file = LargeContracts.manyProperties(root.resolve("big/many/properties.schema.json"), LargeContracts.FIFTY_MB);

        long start = System.nanoTime();
        Contract contract = ContractReader.read(file, root);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(Files.size(file) >= LargeContracts.FIFTY_MB);
        assertTrue(contract.hasProperty("id") && contract.hasProperty("p0") && contract.schema().at("/properties").size() > 250_000);
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
            for (long written = 0; written < LargeContracts.FIFTY_MB; written += 2L * chunk.length()) {
                out.write(chunk);
            }
            out.write("\"]}");
        }

        Contract contract = ContractReader.read(file, root);

        assertTrue(contract.hasProperty("id"));
        assertEquals(LargeContracts.FIFTY_MB / 2, contract.schema().at("/examples/0").asText().length());
    }
}
