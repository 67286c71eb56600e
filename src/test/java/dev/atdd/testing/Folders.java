package dev.atdd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test projects copied into a test's own folder, so that no test writes into the repository. */
public final class Folders {

    private Folders() {
    }

    /** Writes {@code text} into {@code file} as UTF-8, creating its folders first. */
    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} into {@code file}, creating its folders first. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the folder {@code source} with everything below it into {@code target}. */
    public static Path copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
