package dev.atdd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor under the plugin's end-to-end share: a fresh JVM that lists the given folders and reads
 * every file in them, side by side as the plugin's loaders do, and parses nothing. Prints the
 * nanoseconds that took; started by {@link Benchmarks} once per end-to-end round.
 */
public final class ReadEveryFile {

    private ReadEveryFile() {
    }

    public static void main(String[] folders) throws IOException {
        long start = System.nanoTime();
        long bytes = 0;
        for (String folder : folders) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            bytes += files.parallelStream().mapToLong(ReadEveryFile::size).sum();
        }
        long elapsed = System.nanoTime() - start;
        if (bytes == 0) {
            throw new IllegalStateException("nothing read in " + String.join(", ", folders));
        }
        System.out.println(elapsed);
    }

    private static long size(Path file) {
        try {
            return Files.readAllBytes(file).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
