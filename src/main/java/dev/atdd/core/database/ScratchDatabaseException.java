package dev.atdd.core.database;

/**
 * The scratch database could not be started, reached, created or removed: a problem of the machine
 * or of the server settings, not of the migrations being checked.
 */
public final class ScratchDatabaseException extends RuntimeException {

    public ScratchDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
