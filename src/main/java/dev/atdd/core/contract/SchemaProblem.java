package dev.atdd.core.contract;

/**
 * What is wrong at a JSON pointer of a contract ({@code /properties/age/type}, {@code /required/1}), kept apart
 * from the message so that {@link Contract#problems} can place it at the line and column of the value it names.
 */
public record SchemaProblem(String pointer, String message) {

    /** {@code key} as a token of a JSON pointer: {@code ~} and {@code /} escaped. */
    public static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
