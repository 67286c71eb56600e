package dev.atdd.core.infrastructure;

import dev.atdd.core.LowerCaseName;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.naming.TableName;
import java.util.Locale;
import java.util.Optional;

/**
 * A table declared in the build configuration rather than derived from a contract: an event log,
 * a cache or a job queue. The kind decides both the shape and the table name's suffix.
 */
public record InfrastructureTable(String name, Kind kind) {

    public InfrastructureTable {
        if (!TableName.isWrittenForm(name)) {
            throw new IllegalArgumentException("infrastructure table <name>: " + TableName.notWrittenForm(name));
        }
        if (!PgIdentifier.fits(kind.tableName(name))) {
            throw new IllegalArgumentException("infrastructure table name \"" + kind.tableName(name)
                    + "\" is longer than 63 bytes");
        }
    }

    public String tableName() {
        return kind.tableName(name);
    }

    /** The three infrastructure patterns of the migration convention. */
    public enum Kind {
        EVENT_LOG("event-log", "_events"),
        CACHE("cache", "_cache"),
        QUEUE("queue", "_jobs");

        private final String label;
        private final String suffix;

        Kind(String label, String suffix) {
            this.label = label;
            this.suffix = suffix;
        }

        public String label() {
            return label;
        }

        /** {@code match} → {@code match_events}; a name that already ends in the suffix keeps it. */
        String tableName(String name) {
            return name.endsWith(suffix) ? name : name + suffix;
        }

        public static Optional<Kind> parse(String text) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.label.equals(wanted)) {
                    return Optional.of(kind);
                }
            }
            return LowerCaseName.parse(Kind.class, wanted);
        }
    }
}
