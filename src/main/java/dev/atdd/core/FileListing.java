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
}
