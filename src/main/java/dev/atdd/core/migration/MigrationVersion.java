package dev.atdd.core.migration;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Supabase migration versions: {@code yyyyMMddHHmmss} in UTC. A new version is now's, unless the
 * newest existing migration is at or after now (same second, or a clock behind), in which case it
 * is the next second after the newest — the Supabase CLI refuses a local migration older than the
 * last one applied, and two files of one version cannot both be applied.
 *
 * <p>Versions are ordered as the Supabase CLI orders the files ({@link #compare}). Rule where the
 * folder holds a version that is not a timestamp: when it sorts before now's version it does not
 * matter; when it sorts at or after it (say {@code 9}, which follows every timestamp of this
 * millennium), no timestamp can be placed after it, and that is reported as an error (rename the
 * file) rather than guessed.
 */
public final class MigrationVersion {

    public static final int LENGTH = 14;

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final int LAST_YEAR = 9999;

    private MigrationVersion() {
    }

    /** The version of an instant, to the second, in UTC. */
    public static String of(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("no 14-digit version for " + instant);
        }
        return FORMAT.format(utc);
    }

    /** True for 14 digits that are a real UTC date and time. */
    public static boolean isTimestamp(String version) {
        return version.length() == LENGTH && parse(version) != null;
    }

    /**
     * The version for a migration made at {@code now}.
     *
     * @param latestExisting the highest version already in the folder, or null for none
     * @throws IllegalArgumentException when {@code latestExisting} is not all digits, or is at or
     *         after now's version without being a timestamp (or is the last second of year 9999)
     */
    public static String next(String latestExisting, Instant now) {
        String current = of(now);
        if (latestExisting == null) {
            return current;
        }
        requireDigits(latestExisting);
        if (compare(latestExisting, current) < 0) {
            return current;
        }
        LocalDateTime latest = latestExisting.length() == LENGTH ? parse(latestExisting) : null;
        if (latest == null) {
            throw new IllegalArgumentException("the newest migration version " + latestExisting
                    + " comes after now's " + current + " in the Supabase CLI's order (by file name: "
                    + "9_a.sql after 2025..._b.sql) and is not a yyyyMMddHHmmss timestamp, so no timestamp"
                    + " version can follow it");
        }
        LocalDateTime following = latest.plus(1, ChronoUnit.SECONDS);
        if (following.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("no 14-digit version follows " + latestExisting);
        }
        return FORMAT.format(following);
    }

    /** {@code count} consecutive unique versions, each later than {@code latestExisting}; see {@link #next}. */
    public static List<String> allocate(String latestExisting, Instant now, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<String> versions = new ArrayList<>(count);
        String previous = latestExisting;
        for (int i = 0; i < count; i++) {
            previous = next(previous, now);
            versions.add(previous);
        }
        return List.copyOf(versions);
    }

    /**
     * {@code count} versions after every migration of the index and every one about to be added.
     *
     * @param planned migrations about to be written beside these, whose versions are chosen already
     * @throws InvalidInputException naming the newest migration when no timestamp can follow its version
     */
    public static List<String> allocateAfter(MigrationIndex index, List<MigrationFile> planned, Instant now,
                                             int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Optional<MigrationFile> newest = Stream.concat(index.latest().stream(), planned.stream())
                .max(Comparator.comparing(MigrationFile::version, MigrationVersion::compare));
        try {
            return allocate(newest.map(MigrationFile::version).orElse(null), now, count);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.in(newest.orElseThrow(() -> e).path(), e.getMessage()
                    + "; rename it with a yyyyMMddHHmmss version"));
        }
    }

    /**
     * Orders versions as the Supabase CLI orders their files: it applies them in file name order
     * (Go's {@code fs.ReadDir}), so {@code 10_b.sql} runs before {@code 9_a.sql}, and {@code 007} and
     * {@code 7} are two versions. Comparing {@code version + "_"} gives that order for any names: the
     * {@code _} after a shorter version sorts after every digit.
     */
    public static int compare(String a, String b) {
        return (a + "_").compareTo(b + "_");
    }

    private static void requireDigits(String version) {
        if (version.isEmpty() || !version.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a migration version is digits only: '" + version + "'");
        }
    }

    private static LocalDateTime parse(String version) {
        try {
            return LocalDateTime.parse(version, FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
