package dev.atdd.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why the file system refused a file, in words for a problem that names the file already: the
 * message of a refused access (and of most file system exceptions) is only the file's path.
 */
public final class FileFailure {

    private FileFailure() {
    }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied for the user running the build";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "refused by the file system";
        }
        return e.getMessage() != null ? e.getMessage() : "an input/output error";
    }
}
