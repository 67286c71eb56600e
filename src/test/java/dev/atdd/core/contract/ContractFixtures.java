package dev.atdd.core.contract;

import dev.atdd.testing.Folders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes contract files into a test's contracts folder. */
final class ContractFixtures {

    private ContractFixtures() {
    }

    static Path write(Path root, String relativePath, String json) {
        return write(root, relativePath, json.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String relativePath, byte[] bytes) {
        return Folders.write(root.resolve(relativePath), bytes);
    }
}
