package dev.atdd.core.contract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Contract files too large to keep in the repository, written by the tests that need them. */
public final class LargeContracts {

    public static final long FIFTY_MB = 50L * 1024 * 1024;

    private LargeContracts() {
    }

    /**
     * Writes a contract that needs a table (it has an {@code id}) and holds properties with
     * descriptions until the file has {@code size} bytes.
     */
    public static Path manyProperties(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        String description = "a property described at some length, so that the file grows quickly".repeat(2);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"title\": \"Big\", \"properties\": {\"id\": {\"type\": \"string\"}");
            long written = 0;
            for (int i = 0; written < size; i++) {
                String line = ",\n\"p" + i + "\": {\"type\": \"string\", \"description\": \""
                        + description + "\"}";
                out.write(line);
                written += line.length();
            }
            out.write("\n}}\n");
        }
        return file;
    }
}
