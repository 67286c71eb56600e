package dev.atdd.core.check;

import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One text standing for everything a check's outcome depends on: its settings, and each file it
 * reads as its folder listing describes it (path, size, time, file key). Two builds with the same
 * digest read the same input, so the second can tell the first one's outcome instead of reading it.
 */
public final class InputDigest {

    /**
     * File systems stamp times coarsely (Linux by its clock tick, FAT by two seconds): a file changed
     * this shortly before it was listed could change again and show the same time, as Git's index
     * knows of its "racily clean" entries. Such inputs get no digest.
     */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private InputDigest() {
    }

    /**
     * @return the digest, or empty when a file changed less than two seconds before its listing began,
     *         or after it
     */
    public static Optional<String> of(List<String> settings, List<? extends FileListing> listings) {
        MessageDigest digest = sha256();
        for (String setting : settings) {
            // Length first: no two lists of settings give the same bytes.
            digest.update((setting.length() + ":" + setting + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FileListing listing : listings) {
            Instant settledBefore = listing.listedAt().minus(SETTLED);
            digest.update(("listing of " + listing.files().size() + "\n").getBytes(StandardCharsets.UTF_8));
            for (FileState file : listing.files()) {
                if (!file.modified().toInstant().isBefore(settledBefore)) {
                    return Optional.empty();
                }
                    digest.update((file.path() + "\0" + file.size() + "\0" + file.modified().to(TimeUnit.NANOSECONDS)
                        + "\0" + file.fileKey() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
