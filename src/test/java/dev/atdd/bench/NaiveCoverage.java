package dev.atdd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baseline: the original tool's coverage check. For each table, every migration file is read
 * again and searched with {@code CREATE TABLE\s+(IF NOT EXISTS\s+)?{table}}, stopping at the first
 * file that matches. Kept as the original had it (case-sensitive, comments and strings count) so
 * that its cost, not its answers, is what the benchmark compares.
 */
final class NaiveCoverage {

    private NaiveCoverage() {
    }

    /** How many of {@code tables} some migration in {@code migrations} creates. */
    static int covered(List<String> tables, Path migrations) {
        List<Path> files = list(migrations);
        int covered = 0;
        for (String table : tables) {
            Pattern create = Pattern.compile("CREATE TABLE\\s+(IF NOT EXISTS\\s+)?" + Pattern.quote(table));
            for (Path file : files) {
                if (create.matcher(read(file)).find()) {
                    covered++;
                    break;
                }
            }
        }
        return covered;
    }

    private static List<Path> list(Path migrations) {
        try (Stream<Path> entries = Files.list(migrations)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
