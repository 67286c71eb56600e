package dev.atdd.core.contract;

import dev.atdd.core.FileFailure;
import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code *.json} files below the contracts directory, listed but not read:
 * {@link ContractCatalog#load(ContractFiles)} reads the {@code *.schema.json} ones as contracts, and
 * looks into the others only to tell one that holds a JSON Schema.
 *
 * @param base     the contracts directory, absolute
 * @param files    the contract files and the other JSON files (kept sorted by path)
 * @param problems folders that could not be listed
 * @param exists   false when the contracts directory does not exist (a module without contracts)
 */
public record ContractFiles(Path base, List<FileState> files, List<Problem> problems, boolean exists,
                            Instant listedAt) implements FileListing {

    static final String JSON = ".json";

    public ContractFiles {
        files = files.stream().sorted(Comparator.comparing(FileState::path)).toList();
        problems = List.copyOf(problems);
    }

    @Override
    public List<String> remarks() {
        return Stream.concat(Stream.of(exists ? "exists" : "does not exist"),
                problems.stream().map(Problem::toString)).toList();
    }

    /** Lists every {@code **}{@code /*.json} below {@code root}, following links but not their loops. */
    public static ContractFiles list(Path root) {
        Instant listedAt = Instant.now();
        Path base = root.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        if (!Files.exists(base)) {
            return new ContractFiles(base, List.of(), problems, false, listedAt);
        }
        if (!Files.isDirectory(base)) {
            problems.add(Problem.in(base, "the contracts directory is not a folder"));
            return new ContractFiles(base, List.of(), problems, true, listedAt);
        }
        List<FileState> files = new ArrayList<>();
        try {
            Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            // .Schema.json and x.json too: the catalog says why such a file is no contract, where
                            // it may have been meant as one, rather than pass it over.
                            String name = file.getFileName().toString();
                            if (!FileListing.endsWithIgnoringCase(name, ContractFiles.JSON)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attributes.isRegularFile()) {
                                files.add(FileState.of(file, attributes));
                            } else if (attributes.isSymbolicLink()
                                    && FileListing.endsWithIgnoringCase(name, ContractReader.SUFFIX)) {
                                // Followed links come with their target's attributes: this one leads nowhere.
                                problems.add(Problem.in(file, "a symbolic link that leads to no file"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(Problem.in(file, e instanceof FileSystemLoopException
                                    ? "a symbolic link loop: this folder links back to one of its parents"
                                    : "cannot be read: " + FileFailure.reason(e)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(Problem.in(base, "cannot be read: " + FileFailure.reason(e)));
        }
        return new ContractFiles(base, files, problems, true, listedAt);
    }
}
