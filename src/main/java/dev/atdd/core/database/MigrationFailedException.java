package dev.atdd.core.database;

import dev.atdd.core.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * A migration (or prelude script) was rejected by PostgreSQL: the user's SQL is wrong. Carries the
 * located {@link MigrationFailure}, its {@link Problem}, and the migrations committed before it.
 */
public final class MigrationFailedException extends RuntimeException {

    private final transient MigrationFailure failure;
    private final transient List<Path> applied;

    public MigrationFailedException(MigrationFailure failure, List<Path> applied, Throwable cause) {
        super(failure.render(null), cause);
        this.failure = failure;
        this.applied = List.copyOf(applied);
    }

    public MigrationFailure failure() {
        return failure;
    }

    public Problem problem() {
        return failure.problem();
    }

    /** The migrations applied and committed before the failing one, in order. */
    public List<Path> applied() {
        return applied;
    }
}
