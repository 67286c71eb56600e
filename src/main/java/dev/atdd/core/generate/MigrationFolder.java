package dev.atdd.core.generate;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The migrations folder as a place to add files safely.
 *
 * <p>Two builds (or two modules of one {@code -T} build) may generate into one folder at once. Each
 * holds {@link #lock} while it reads the folder, picks versions and writes, so neither can take a
 * version or a table the other has just written. A file is written to a temporary name and moved
 * into place atomically, so a killed build never leaves a partial {@code .sql} file (its temporary
 * file is removed by the next build that takes the lock); an existing file is never replaced.
 */
public final class MigrationFolder {

    /** In-JVM half of the lock: a JVM cannot hold two OS file locks on one file. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /** Not {@code .sql}: neither the Supabase CLI nor a later scan takes a half-written file for a migration. */
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path directory;

    public MigrationFolder(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** A held lock on this folder, across threads of this JVM and across processes of this machine. */
    public Lock lock() {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        jvmLock.lock();
        try {
            // The lock file lives outside the folder: the Supabase CLI warns about every other file there.
            Path lockFile = Path.of(System.getProperty("java.io.tmpdir"),
                    "atdd-migrations-" + Integer.toHexString(directory.toString().hashCode()) + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                Lock lock = new Lock(jvmLock, channel, channel.lock());
                removeAbandonedTemporaries();
                return lock;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            jvmLock.unlock();
            throw new UncheckedIOException("cannot lock the migrations folder " + directory, e);
        } catch (RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    /**
     * Writes a new migration whole or not at all: UTF-8, as given (the templates use {@code \n}).
     *
     * @throws InvalidInputException when the folder cannot be created or written, or the file exists
     */
    public Path writeNew(String fileName, String content) {
        Path target = directory.resolve(fileName);
        Path temporary = directory.resolve("." + fileName + TEMPORARY_SUFFIX);
        try {
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                throw new InvalidInputException(Problem.in(target, "already exists; it is never overwritten"));
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (AccessDeniedException e) {
            deleteQuietly(temporary);
            throw new InvalidInputException(Problem.in(directory,
                    "the migrations folder is not writable (" + e.getMessage() + ")"));
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(temporary);
            throw new InvalidInputException(Problem.in(Path.of(e.getFile()),
                    "exists and is not a folder; migrations cannot be written there"));
        } catch (FileSystemException e) {
            // The operating system refused the folder (a file on its path, a read-only file system...).
            deleteQuietly(temporary);
            throw new InvalidInputException(Problem.in(directory,
                    "the migrations folder cannot be created or written (" + e.getMessage() + ")"));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Writers hold the lock while a temporary file exists: one found under the lock is a killed
     * build's. Best effort: a leftover is harmless, only untidy.
     */
    private void removeAbandonedTemporaries() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> abandoned = Files.newDirectoryStream(directory, ".*.sql" + TEMPORARY_SUFFIX)) {
            abandoned.forEach(MigrationFolder::deleteQuietly);
        } catch (IOException | DirectoryIteratorException ignored) {
            // The folder's real trouble, if any, is reported when it is scanned or written.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The original failure is what the user needs to see.
        }
    }

    /** The held lock; closing releases it. */
    public static final class Lock implements AutoCloseable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Lock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
            this.jvmLock = jvmLock;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the migrations folder lock", e);
            } finally {
                jvmLock.unlock();
            }
        }
    }
}
