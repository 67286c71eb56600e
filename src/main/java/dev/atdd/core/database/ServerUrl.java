package dev.atdd.core.database;

import java.util.regex.Pattern;

/**
 * The {@code jdbcUrl} of a PostgreSQL server to build scratch databases on, checked for its form
 * before anything connects: {@code jdbc:postgresql://host[:port]/database}, with several
 * {@code host[:port]} separated by commas and {@code ?parameters} as the driver allows them.
 *
 * @param url the URL as given (trimmed), parameters and all, for the driver
 */
public record ServerUrl(String url) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final String FORM = "jdbc:postgresql://host[:port]/database";
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /**
     * Checked here, so that no {@code ServerUrl} exists that was not.
     *
     * @throws IllegalArgumentException naming {@code jdbcUrl}, the form expected and what is wrong
     */
    public ServerUrl {
        if (!url.startsWith(PREFIX)) {
            throw malformed(url, "it does not start with " + PREFIX);
        }
        int at = url.indexOf('@');
        int question = url.indexOf('?');
        if (at >= 0 && (question < 0 || at < question)) {
            throw malformed(url, "the user and password go in the username and password parameters");
        }
        String rest = withoutParameters(url).substring(PREFIX.length());
        int slash = rest.indexOf('/');
        for (String address : (slash < 0 ? rest : rest.substring(0, slash)).split(",", -1)) {
            checkAddress(url, address);
        }
        if (slash < 0 || slash == rest.length() - 1) {
            throw malformed(url, "it names no database");
        }
    }

    /** The URL as the user wrote it, trimmed. @throws IllegalArgumentException as the constructor does */
    public static ServerUrl parse(String text) {
        return new ServerUrl(text == null ? "" : text.trim());
    }

    /**
     * The URL as messages and logs may show it: without its {@code ?parameters} and any
     * {@code user:password@}, which may hold a password.
     */
    public String shown() {
        return shown(url);
    }

    private static void checkAddress(String url, String address) {
        // An IPv6 address is bracketed, [::1]:5432: its colons are not the port's.
        int colon = address.lastIndexOf(':');
        boolean hasPort = colon > address.lastIndexOf(']');
        String host = hasPort ? address.substring(0, colon) : address;
        if (host.isEmpty()) {
            throw malformed(url, "the host is empty");
        }
        if (hasPort) {
            String port = address.substring(colon + 1);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                // Quoted only when nothing in the URL can be a password: 'user:p?ss@host' reads as port "p".
                String quoted = url.indexOf('@') < 0 ? "\"" + port + "\" " : "";
                throw malformed(url, "the port " + quoted + "is not a number from 1 to 65535");
            }
        }
    }

    private static IllegalArgumentException malformed(String url, String reason) {
        return new IllegalArgumentException("jdbcUrl must be " + FORM + ", found \"" + shown(url) + "\": " + reason);
    }

    private static String withoutParameters(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }

    /** An {@code @} anywhere may follow a password (in {@code user:pass@host}, or cut by a {@code /} or {@code ?} in it): then nothing after the prefix is shown. */
    private static String shown(String url) {
        if (url.indexOf('@') >= 0) {
            return (url.startsWith(PREFIX) ? PREFIX : "") + "…";
        }
        return withoutParameters(url);
    }
}
