package dev.atdd.core.check;

import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import dev.atdd.core.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
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
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer numbers = ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES);
        for (String setting : settings) {
            update(digest, setting);
        }
        for (FileListing listing : listings) {
            Instant settled = listing.listedAt().minus(SETTLED);
            long settledBefore = TimeUnit.SECONDS.toNanos(settled.getEpochSecond()) + settled.getNano();
            List<String> remarks = listing.remarks();
            update(digest, "listing of " + listing.files().size() + " files, " + remarks.size() + " remarks");
            remarks.forEach(remark -> update(digest, remark));
            for (FileState file : listing.files()) {
                long modified = file.modified().to(TimeUnit.NANOSECONDS);
                if (modified >= settledBefore) {
                    return Optional.empty();
                }
                // Bytes, not text: this runs for every file of every build, in a JVM that has not compiled it yet.
                update(digest, file.path().toString());
                numbers.clear();
                numbers.putLong(file.size()).putLong(modified).putInt(Objects.hashCode(file.fileKey()));
                digest.update(numbers.array());
            }
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    /** Length first: no two lists of texts give the same bytes. */
    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
