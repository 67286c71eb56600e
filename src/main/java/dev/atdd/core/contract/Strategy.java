package dev.atdd.core.contract;

import dev.atdd.core.LowerCaseName;
import java.util.Optional;

/** {@code x-artifact-metadata.persistence.strategy}. */
public enum Strategy {
    NONE, JSONB, RELATIONAL;

    public static Optional<Strategy> parse(String text) {
        return LowerCaseName.parse(Strategy.class, text);
    }

    public String label() {
        return LowerCaseName.of(this);
    }
}
