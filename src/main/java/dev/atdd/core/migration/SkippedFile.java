package dev.atdd.core.migration;

import dev.atdd.core.Problem;
import java.nio.file.Path;
import java.util.Objects;

/** A {@code .sql} file in the migrations folder that the Supabase CLI would not apply, and why. */
public record SkippedFile(Path path, String reason) {

    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** As a warning to show the user. */
    public Problem toProblem() {
        return Problem.in(path, reason);
    }
}
