package dev.atdd.core.render;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How a migration states when it was generated: UTC ISO-8601 to the second. */
final class GenerationTime {

    private GenerationTime() {
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
