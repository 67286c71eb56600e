package dev.atdd.core.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes contract files into a test's contracts folder. */
final class ContractFiles {

    private ContractFiles() {
    }

    static Path write(Path root, String relativePath, String json) {
        return write(root, relativePath, json.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String relativePath, byte[] bytes) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
