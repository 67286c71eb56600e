package dev.atdd.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files the user wrote, read as UTF-8 and nothing else: contracts, migrations, prelude files. A byte
 * that is not UTF-8 is a problem at its line and column, never a replacement character.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * @param advice what to do about a byte that is not UTF-8, ending the problem's message
     * @throws InvalidInputException when the file cannot be read, is not UTF-8 or holds a NUL character
     */
    public static String read(Path file, String advice) {
        String text;
        try {
            // The JDK's own strict path: no decoder, no copy.
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw notUtf8(file, bytes(file), advice);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // Valid UTF-8, but no SQL text holds one: PostgreSQL refuses it, and UTF-16 puts one beside every letter.
            throw new InvalidInputException(Problem.at(file, text, nul,
                    "a NUL character (U+0000), as a file saved as UTF-16 holds; " + advice));
        }
        return text;
    }

    /** @throws InvalidInputException when the file cannot be read */
    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * The characters of {@code bytes}, read from {@code file}, in a buffer backed by an array.
     *
     * @throws InvalidInputException when they are not UTF-8
     */
    public static CharBuffer decode(Path file, byte[] bytes, String advice) {
        try {
            return strictDecoder().decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw notUtf8(file, bytes, advice);
        }
    }

    private static InvalidInputException notUtf8(Path file, byte[] bytes, String advice) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = strictDecoder().decode(in, CharBuffer.allocate(bytes.length + 1), true);
        int offset = result.isError() ? in.position() : 0;
        // Columns count characters, as the lexer and the JSON parser do, and not a byte order mark.
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        return new InvalidInputException(Problem.at(file, before, before.length(),
                "not valid UTF-8 (byte 0x" + String.format("%02X", bytes[offset] & 0xFF) + ")"
                        + (looksUtf16(bytes) ? ": the file looks saved as UTF-16" : "") + "; " + advice));
    }

    /**
     * A UTF-16 byte order mark, or a NUL byte among the first ones: UTF-16 puts one beside every ASCII
     * character, and no text file of ours holds one (PostgreSQL and JSON refuse it).
     */
    private static boolean looksUtf16(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return true;
        }
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static InvalidInputException unreadable(Path file, IOException e) {
        return new InvalidInputException(Problem.in(file, e instanceof NoSuchFileException ? "does not exist"
                : "cannot be read: " + FileFailure.reason(e)));
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
