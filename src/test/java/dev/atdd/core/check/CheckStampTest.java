package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckStampTest {

    private static final CheckStamp STAMP = new CheckStamp("9f86d081884c7d65", List.of(
            "contracts/loose.schema.json: not a table contract", "supabase/migrations/notes.sql: skipped — «ünïcode»"),
            "Every persistent contract has its table: 2 covered, 1 not persistent.");

    @TempDir
    Path work;

    @Test
    void aStampReadsBackAsWritten() {
        Path file = work.resolve("target/atdd/check-coverage.stamp");

        assertTrue(STAMP.write(file));

        assertEquals(Optional.of(STAMP), CheckStamp.read(file));
    }

    @Test
    void noFileACutOrLongerFileOrAnotherFormatIsNoStamp() throws Exception {
        Path file = work.resolve("check-coverage.stamp");
        assertEquals(Optional.empty(), CheckStamp.read(file));

        STAMP.write(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 1));
        assertEquals(Optional.empty(), CheckStamp.read(file));

        Files.write(file, Arrays.copyOf(whole, whole.length + 1));
        assertEquals(Optional.empty(), CheckStamp.read(file));

        Files.writeString(file, "{\"passed\": true}");
        assertEquals(Optional.empty(), CheckStamp.read(file));
    }

    @Test
    void aStampOfAnotherFormatIsNoStamp() throws Exception {
        Path file = work.resolve("check-coverage.stamp");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("atdd check stamp 0");
            out.writeUTF(STAMP.inputs());
            out.writeUTF(STAMP.summary());
            out.writeInt(0);
        }
        Files.write(file, bytes.toByteArray());

        assertEquals(Optional.empty(), CheckStamp.read(file));
    }

    @Test
    void aStampThatCannotBeWrittenOrRemovedIsOnlyReported() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("atdd"), "a file where the folder should be");
        Path stuck = work.resolve("check-todos.stamp");
        Files.createDirectories(stuck.resolve("inside"));

        assertFalse(STAMP.write(notAFolder.resolve("check-coverage.stamp")));
        assertFalse(CheckStamp.delete(stuck));
        assertTrue(Files.isDirectory(stuck));
    }

    @Test
    void aLineTooLongForTheFormatLeavesNoStamp() {
        Path file = work.resolve("check-coverage.stamp");

        assertFalse(new CheckStamp("9f86d081884c7d65", List.of("x".repeat(70_000)), "passed").write(file));

        assertFalse(Files.exists(file));
    }

    @Test
    void deletingRemovesTheStampAndMindsNoneThere() {
        Path file = work.resolve("check-coverage.stamp");
        STAMP.write(file);

        assertTrue(CheckStamp.delete(file));
        assertTrue(CheckStamp.delete(file));

        assertFalse(Files.exists(file));
    }
}
