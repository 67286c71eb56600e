package dev.atdd.core.naming;

import dev.atdd.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL identifiers: the 63-byte limit and quoting. Every name the plugin writes into SQL goes
 * through {@link #fit} when it is made and through {@link #render} when it is written.
 */
public final class PgIdentifier {

    /** PostgreSQL's NAMEDATALEN - 1: longer names are silently cut, so two of them can collide. */
    public static final int MAX_BYTES = 63;

    private static final int HASH_HEX_DIGITS = 8;
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * PostgreSQL 15's reserved (R) and type/function-name (T) keywords, from
     * {@code pg_get_keywords()}: neither may be a bare table or column name.
     */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
            "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
            "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
            "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
            "returning", "select", "session_user", "some", "symmetric", "table", "then", "to",
            "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with",
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema",
            "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural",
            "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose");

    private PgIdentifier() {
    }

    public static boolean fits(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * The name itself when it fits in 63 UTF-8 bytes; otherwise its longest prefix that leaves room
     * for {@code _} and 8 hex digits of the SHA-256 of the whole name. Deterministic, so a second run
     * makes the same name; callers must still check that shortened names stay unique.
     */
    public static String fit(String name) {
        if (fits(name)) {
            return name;
        }
        String suffix = "_" + hash(name);
        return prefixWithin(name, MAX_BYTES - suffix.length()) + suffix;
    }

    /**
     * The name PostgreSQL keeps for an identifier written in SQL: one longer than 63 bytes is cut
     * there, at a character boundary, with a notice only.
     */
    public static String asStored(String name) {
        // No character takes more than 3 UTF-8 bytes per UTF-16 unit: 21 units always fit.
        return name.length() <= MAX_BYTES / 3 || fits(name) ? name : prefixWithin(name, MAX_BYTES);
    }

    /** The longest start of {@code name} of at most {@code budget} UTF-8 bytes, never splitting a character. */
    public static String prefixWithin(String name, int budget) {
        int end = 0;
        int used = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int bytes = Character.toString(cp).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            used += bytes;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    public static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    /** True when the name can be written bare: plain lower-case identifier and not a keyword. */
    public static boolean isPlain(String name) {
        return PLAIN.matcher(name).matches() && !RESERVED.contains(name);
    }

    /**
     * The identifier as SQL text: bare when plain, otherwise double-quoted with {@code "} doubled.
     *
     * @throws IllegalArgumentException for an empty name, a NUL, or more than 63 bytes — such a
     *         name must have been rejected or shortened before it reached SQL
     */
    public static String render(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier holds a NUL character: " + name.replace("\0", "\\0"));
        }
        if (!fits(name)) {
            throw new IllegalArgumentException("identifier longer than 63 bytes: " + name);
        }
        if (isPlain(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String hash(String name) {
        byte[] digest = Sha256.newDigest().digest(name.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    }
}
