package dev.atdd.core.generate;

import dev.atdd.core.FileFailure;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Threads flushing files at once. They wait on the disk, not the CPU: on a 2-core machine 32 of
     * them wrote 3,000 flushed files in 0.6 s, where 1 took 5.6 s and 8 took 3.6 s.
     */
    private static final int WRITERS = 32;

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
        // The lock file lives outside the folder (the Supabase CLI warns about every other file
        // there), in one folder of its own under the temporary directory, one small file per
        // migrations folder; it is never deleted, since deleting a lock file races with its users.
        Path lockFile = lockFolder().resolve(Integer.toHexString(directory.toString().hashCode()) + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
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
            throw new UncheckedIOException("cannot lock the migrations folder " + directory + " with " + lockFile + ": "
                    + FileFailure.reason(e) + " (java.io.tmpdir may point to a folder of its own)", e);
        } catch (RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    /**
     * The folder of the lock files, one per user: the first build on a machine creates it writable by
     * its own user alone (one run with {@code sudo} made a shared folder root's), and the
     * temporary directory is the same for every user.
     */
    static Path lockFolder() {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "atdd-maven-plugin-locks-" + user);
    }

    /**
     * Writes new migrations, each whole or not at all: UTF-8, as given (the templates use {@code \n}).
     * Nothing is written when one of the names already exists. Each file is written to a temporary
     * name and flushed to disk, then moved into place; the flushes run side by side, because
     * concurrent flushes share the file system's commits and the disk's cache flushes, where one
     * after the other made the run cost milliseconds per migration.
     *
     * @param contentByFileName the files, in the order they are moved into place
     * @return the written files, in that order
     * @throws InvalidInputException when the folder cannot be created or written, or a file exists
     */
    public List<Path> writeAllNew(Map<String, String> contentByFileName) {
        List<Path> targets = new ArrayList<>();
        List<Problem> existing = new ArrayList<>();
        for (String fileName : contentByFileName.keySet()) {
            Path target = directory.resolve(fileName);
            targets.add(target);
            if (Files.exists(target)) {
                existing.add(Problem.in(target, "already exists; it is never overwritten"));
            }
        }
        if (!existing.isEmpty()) {
            throw new InvalidInputException(existing);
        }
        List<Path> temporaries = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            List<Callable<Void>> writes = new ArrayList<>();
            for (Map.Entry<String, String> file : contentByFileName.entrySet()) {
                Path temporary = directory.resolve("." + file.getKey() + TEMPORARY_SUFFIX);
                temporaries.add(temporary);
                writes.add(() -> writeFlushed(temporary, file.getValue()));
            }
            runAll(writes);
            for (int i = 0; i < targets.size(); i++) {
                Files.move(temporaries.get(i), targets.get(i), StandardCopyOption.ATOMIC_MOVE);
            }
            return List.copyOf(targets);
        } catch (AccessDeniedException e) {
            temporaries.forEach(MigrationFolder::deleteQuietly);
            throw new InvalidInputException(Problem.in(directory,
                    "the migrations folder is not writable (" + e.getMessage() + ")"));
        } catch (FileAlreadyExistsException e) {
            temporaries.forEach(MigrationFolder::deleteQuietly);
            throw new InvalidInputException(Problem.in(Path.of(e.getFile()),
                    "exists and is not a folder; migrations cannot be written there"));
        } catch (FileSystemException e) {
            // The operating system refused the folder (a file on its path, a read-only file system...).
            temporaries.forEach(MigrationFolder::deleteQuietly);
            throw new InvalidInputException(Problem.in(directory,
                    "the migrations folder cannot be created or written (" + e.getMessage() + ")"));
        } catch (IOException e) {
            temporaries.forEach(MigrationFolder::deleteQuietly);
            throw new UncheckedIOException("cannot write the migrations into " + directory, e);
        }
    }

    private static Void writeFlushed(Path temporary, String content) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        return null;
    }

    /** Runs the writes on a few threads (they wait on the disk, not the CPU); the first failure is thrown. */
    private static void runAll(List<Callable<Void>> writes) throws IOException {
        if (writes.isEmpty()) {
            return;
        }
        ExecutorService writers = Executors.newFixedThreadPool(Math.min(WRITERS, writes.size()), runnable -> {
            Thread thread = new Thread(runnable, "atdd-migration-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Future<Void> write : writers.invokeAll(writes)) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the migrations");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            writers.shutdownNow();
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
