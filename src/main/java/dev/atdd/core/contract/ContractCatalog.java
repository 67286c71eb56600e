package dev.atdd.core.contract;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.DisplayPath;
import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every contract under the contracts directory, read once. Loading goes on past a broken file, so
 * that one run reports every problem.
 *
 * @param contracts              the contracts that were read, sorted by path
 * @param problems               one or more per file that could not be read
 * @param skipped                {@code *.schema.json} files that are not table contracts, and {@code *.json} files
 *                               holding a JSON Schema that are not named as contracts, with the reason
 * @param relationalWithProblems of the files with problems, those that say they are relational, each as far as it
 *                               could be read: their type mapping has problems to tell too (see
 *                               {@code TablePlan}), which would otherwise wait for the next run
 */
public record ContractCatalog(List<Contract> contracts, List<Problem> problems, List<Skipped> skipped,
                              List<Contract> relationalWithProblems) {

    /** Below this many files, starting parallel work costs more than it saves. */
    private static final int PARALLEL_FROM = 64;

    public ContractCatalog {
        contracts = List.copyOf(contracts);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
        relationalWithProblems = List.copyOf(relationalWithProblems);
    }

    /** A file the catalog did not read, and why. */
    public record Skipped(Path file, String reason) {
    }

    /** Reads every {@code **}{@code /*.schema.json} below {@code root}, following links but not their loops. */
    public static ContractCatalog load(Path root) {
        return load(ContractFiles.list(root));
    }

    /** Reads the contract files of a listing. */
    public static ContractCatalog load(ContractFiles listed) {
        // A missing folder has no contracts (a module that inherits the plugin from its parent, say):
        // the caller, who knows how the folder was set, tells the user (listed.exists()).
        List<Path> files = listed.files().stream().map(FileState::path).toList();
        return read(listed.base(), files, new ArrayList<>(listed.problems()));
    }

    /**
     * What is wrong with a contract file given by the user, if anything: it must exist, be a file, lie inside
     * {@code root} and be named as a contract. The run for it reads it with every other contract ({@link #load}).
     */
    public static Optional<Problem> checkOne(Path root, Path file) {
        Path base = root.toAbsolutePath().normalize();
        Path contract = file.toAbsolutePath().normalize();
        if (Files.isDirectory(contract)) {
            return Optional.of(Problem.in(contract, "is a folder: name one contract file in it, {aspect}"
                    + ContractReader.SUFFIX));
        }
        if (!Files.isRegularFile(contract)) {
            return Optional.of(Problem.in(contract, "no such contract file" + meant(base, contract)));
        }
        if (!contract.startsWith(base)) {
            return Optional.of(Problem.in(contract, "lies outside the contracts directory " + base));
        }
        if (!contract.getFileName().toString().endsWith(ContractReader.SUFFIX)) {
            return Optional.of(Problem.in(contract, "is not a contract: contract files end in "
                    + ContractReader.SUFFIX));
        }
        return Optional.empty();
    }

    /**
     * {@code "; did you mean …?"} when the file was given relative to the contracts directory instead of
     * the folder its path was read against (the module, for {@code -Datdd.contract}) and lies there; the
     * path shown relative to that folder, as it should have been typed. Empty otherwise.
     */
    private static String meant(Path base, Path contract) {
        int names = contract.getNameCount();
        // Longest tail first; a contract lies at least three names deep ({theme}/{domain}/{file}).
        for (int from = 1; names - from >= 3; from++) {
            Path candidate = base.resolve(contract.subpath(from, names));
            if (Files.isRegularFile(candidate)) {
                Path typedAgainst = contract.getRoot().resolve(contract.subpath(0, from));
                return "; did you mean " + DisplayPath.of(typedAgainst, candidate) + "?";
            }
        }
        return "";
    }

    /**
     * Reads the files side by side (parsing, not the disk, is the cost), keeping their order, so the
     * result is the same as one by one.
     */
    private static ContractCatalog read(Path base, List<Path> files, List<Problem> problems) {
        List<Contract> contracts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Contract> relationalWithProblems = new ArrayList<>();
        List<Outcome> outcomes = (files.size() < PARALLEL_FROM ? files.stream() : files.parallelStream())
                .map(file -> Outcome.of(file, base))
                .toList();
        for (Outcome outcome : outcomes) {
            outcome.contract().ifPresent(outcome.problems().isEmpty() ? contracts::add : relationalWithProblems::add);
            outcome.skipped().ifPresent(skipped::add);
            problems.addAll(outcome.problems());
        }
        return new ContractCatalog(contracts, problems, skipped, relationalWithProblems);
    }

    /** How much of a JSON file not named as a contract is looked into: where its {@code $schema} stands. */
    private static final int LOOKED_INTO = 64 * 1024;

    /**
     * Whether a {@code *.json} file that is not named as a contract looks like one: our
     * {@code x-artifact-metadata}, or a meta-schema of json-schema.org in a file where a contract would lie
     * ({@code theme/domain/}); a contract named {@code order.json} would otherwise be passed over without a word.
     * Example documents and other data hold neither, nor does a tool's file that names its own schema
     * ({@code tsconfig.json}), nor a shared definitions file beside the themes ({@code common/address.json}). Only
     * the file's start is read: a data file may be of any size.
     */
    private static boolean contractNamedOtherwise(Path file, Path base) {
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(LOOKED_INTO), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            // Not a contract by its name: what it holds is no concern of the build.
            return false;
        }
        return start.contains("\"x-artifact-metadata\"") || start.contains("\"$schema\"")
                && start.contains("json-schema.org/") && ContractReader.locate(file, base).isPresent();
    }

    /**
     * What reading one file gave: a contract, a reason to skip it, or its problems (with the contract as far as it
     * could be read, for one that says it is relational).
     */
    private record Outcome(Optional<Contract> contract, Optional<Skipped> skipped, List<Problem> problems) {

        static Outcome of(Path file, Path base) {
            String name = file.getFileName().toString();
            if (!FileListing.endsWithIgnoringCase(name, ContractReader.SUFFIX)) {
                return contractNamedOtherwise(file, base) ? new Outcome(Optional.empty(), Optional.of(new Skipped(file,
                        "a JSON Schema not read as a contract, as contract files end in " + ContractReader.SUFFIX
                                + ": if it is one, rename it " + name.substring(0, name.length()
                                - ContractFiles.JSON.length()) + ContractReader.SUFFIX)), List.of())
                        : new Outcome(Optional.empty(), Optional.empty(), List.of());
            }
            if (!name.endsWith(ContractReader.SUFFIX)) {
                return new Outcome(Optional.empty(), Optional.of(new Skipped(file,
                        "not a contract: contract files end in " + ContractReader.SUFFIX + ", in lower case")),
                        List.of());
            }
            Optional<ContractLocation> location = ContractReader.locate(file, base);
            if (location.isEmpty()) {
                return new Outcome(Optional.empty(), Optional.of(new Skipped(file,
                        "not a table contract: it lies less than two folders deep"
                                + " ({theme}/{domain}/{aspect}.schema.json)")), List.of());
            }
            try {
                ContractReader.Reading reading = ContractReader.reading(file, location.get());
                return new Outcome(reading.contract(), Optional.empty(), reading.problems());
            } catch (InvalidInputException e) {
                return new Outcome(Optional.empty(), Optional.empty(), e.problems());
            }
        }
    }
}
