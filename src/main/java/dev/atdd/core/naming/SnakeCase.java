package dev.atdd.core.naming;

/** The one snake_case rule used for table and column names. */
public final class SnakeCase {

    private SnakeCase() {
    }

    /**
     * Lower case, camelCase split ({@code playerId} → {@code player_id}, {@code HTTPServer} →
     * {@code http_server}), every character outside {@code [a-z0-9_]} becomes {@code _}, runs of
     * {@code _} fold to one, and leading or trailing {@code _} are dropped. The result may be empty
     * (for {@code "$"}); callers decide what that means.
     */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isLowerOrDigit(c) || c == '_') {
                out.append(c);
            } else if (isUpperAscii(c)) {
                boolean afterLowerOrDigit = i > 0 && isLowerOrDigit(text.charAt(i - 1));
                boolean endOfAcronym = i > 0 && i + 1 < length && isUpperAscii(text.charAt(i - 1))
                        && isLowerAscii(text.charAt(i + 1));
                if (afterLowerOrDigit || endOfAcronym) {
                    out.append('_');
                }
                out.append((char) (c + ('a' - 'A')));
            } else {
                out.append('_');
            }
        }
        return fold(out);
    }

    private static boolean isLowerOrDigit(char c) {
        return isLowerAscii(c) || (c >= '0' && c <= '9');
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Runs of {@code _} to one, none at either end; the text holds only {@code [a-z0-9_]} already. */
    private static String fold(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' && (out.length() == 0 || out.charAt(out.length() - 1) == '_')) {
                continue;
            }
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '_') {
            end--;
        }
        return out.substring(0, end);
    }
}
