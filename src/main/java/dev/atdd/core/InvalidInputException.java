package dev.atdd.core;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The user's input is wrong; carries every problem found, so that one run reports them all. */
public final class InvalidInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    public String describe(Path base) {
        return problems.stream().map(p -> p.describe(base)).collect(Collectors.joining("\n"));
    }
}
