package dev.atdd.core.contract;

import java.util.Locale;
import java.util.Optional;

/** {@code x-artifact-metadata.persistence.strategy}. */
public enum Strategy {
    NONE, JSONB, RELATIONAL;

    public static Optional<Strategy> parse(String text) {
        for (Strategy s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
