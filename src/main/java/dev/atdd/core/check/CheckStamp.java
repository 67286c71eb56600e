package dev.atdd.core.check;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a goal that passed (a check that passed, a generation with nothing missing) leaves for the next
 * build of the same working copy: the {@link InputDigest} of what it read, and what it told the user.
 * A goal whose inputs give the same digest again passes again, with the same words; it tells them
 * instead of reading every file.
 *
 * @param inputs   the digest of the goal's inputs
 * @param warnings the warnings it logged, as logged
 * @param summary  the lines it logged on passing, one per line
 */
public record CheckStamp(String inputs, List<String> warnings, String summary) {

    /** A stamp of another format (another version of the plugin wrote it) is no stamp. */
    private static final String FORMAT = "atdd check stamp 1";

    public CheckStamp {
        warnings = List.copyOf(warnings);
    }

    /** The stamp in {@code file}; empty when there is none, or the file is not a whole stamp of this format. */
    public static Optional<CheckStamp> read(Path file) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!FORMAT.equals(in.readUTF())) {
                return Optional.empty();
            }
            String inputs = in.readUTF();
            String summary = in.readUTF();
            int count = in.readInt();
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                warnings.add(in.readUTF());
            }
            return in.read() == -1 ? Optional.of(new CheckStamp(inputs, warnings, summary)) : Optional.empty();
        } catch (IOException e) {
            // None, cut short or not ours: the goal runs, and writes a new one if it passes.
            return Optional.empty();
        }
    }

    /**
     * Writes the stamp to {@code file}, replacing any. A stamp is only a shortcut for the next build:
     * when it cannot be written (or a line is longer than the format holds, 64 KB), there is none, and
     * the next build checks again.
     *
     * @return whether the stamp was written
     */
    public boolean write(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(FORMAT);
                out.writeUTF(inputs);
                out.writeUTF(summary);
                out.writeInt(warnings.size());
                for (String warning : warnings) {
                    out.writeUTF(warning);
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes.toByteArray());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes the stamp in {@code file}, if any: what it stood for is about to change.
     *
     * @return false when a stamp is left that cannot be removed
     */
    public static boolean delete(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
