package dev.atdd.core;

import java.time.Instant;
import java.util.List;

/** Files as a folder listing found them, before any was read. */
public interface FileListing {

    /** The files listed, sorted by path. */
    List<FileState> files();

    /** When the listing began: a file changed after it may still show an earlier time. */
    Instant listedAt();

    /**
     * What else the listing found, in words: a folder missing, not a folder, or unreadable. Two
     * listings of the same files with other remarks do not give the same outcome.
     */
    List<String> remarks();

    /**
     * Whether {@code name} ends with {@code suffix} in any letter case: a listing takes such files too,
     * so that one named in the wrong case is reported rather than passed over.
     */
    static boolean endsWithIgnoringCase(String name, String suffix) {
        return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
