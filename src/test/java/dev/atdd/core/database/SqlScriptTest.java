package dev.atdd.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptTest {

    @TempDir
    Path folder;

    @Test
    void readsUtf8AndDropsAByteOrderMark() throws IOException {
        Path file = Files.write(folder.resolve("m.sql"), "\uFEFFselect 'é';".getBytes(StandardCharsets.UTF_8));

        assertEquals(new SqlScript(file, "select 'é';"), SqlScript.read(file));
    }

    @Test
    void aMissingFileIsAProblemOfThatFile() {
        Path missing = folder.resolve("missing.sql");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlScript.read(missing));

        assertEquals(missing, e.problems().get(0).file());
    }

    @Test
    void rejectsTextThatIsNotUtf8() throws IOException {
        Path file = Files.write(folder.resolve("latin1.sql"), new byte[] {'s', 'e', 'l', (byte) 0xE9});

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlScript.read(file));

        assertEquals(new Problem(file, 1, 4, "not valid UTF-8 (byte 0xE9); save the file as UTF-8"),
                e.problems().get(0));
    }

    @Test
    void placesBytesThatAreNotUtf8OnTheLineAnEditorShows() throws IOException {
        // Lines ending in a lone \r (classic Mac OS), then \r\n, then \n.
        byte[] bytes = {'a', '\r', 'b', '\r', '\n', 'c', '\n', 's', 'e', 'l', (byte) 0xE9};
        Path file = Files.write(folder.resolve("mac.sql"), bytes);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlScript.read(file));

        assertEquals(List.of(4, 4), List.of(e.problems().get(0).line(), e.problems().get(0).column()));
    }
}
