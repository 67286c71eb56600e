package dev.atdd.core.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code search_path} value, as far as the index needs it: whether a table named without a schema
 * is one of {@code public}.
 *
 * @param schemas the listed schemas as PostgreSQL stores them (unquoted names folded, quoted ones as written)
 */
record SearchPath(List<String> schemas) {

    private static final String CURRENT_USER = "$user";
    private static final String PUBLIC = "public";

    /**
     * PostgreSQL's default, what {@code RESET} and {@code TO DEFAULT} give back. The Supabase prelude's
     * {@code "$user", public, extensions} resolves the same way.
     */
    static final SearchPath DEFAULT = new SearchPath(List.of(CURRENT_USER, PUBLIC));

    SearchPath {
        schemas = List.copyOf(schemas);
    }

    /**
     * A path written as the text of a setting, {@code "$user", public} or {@code ''} (no schema at all),
     * as {@code set_config} takes it; null when the text is not a list of names.
     */
    static SearchPath parse(String value) {
        // As PostgreSQL's SplitIdentifierString: a "quoted" name as written ("" is one quote), any other
        // running to a comma or a space, folded like an unquoted identifier ($user included).
        List<String> schemas = new ArrayList<>();
        int i = skipSpaces(value, 0);
        while (i < value.length()) {
            int end = i;
            if (value.charAt(i) == '"') {
                end = value.indexOf('"', i + 1);
                while (end >= 0 && end + 1 < value.length() && value.charAt(end + 1) == '"') {
                    end = value.indexOf('"', end + 2);
                }
                if (end < 0) {
                    return null;
                }
                schemas.add(SqlLexer.value(SqlTokenKind.QUOTED_IDENTIFIER, value.substring(i, ++end)));
            } else {
                while (end < value.length() && value.charAt(end) != ',' && !isSpace(value.charAt(end))) {
                    end++;
                }
                if (end == i) {
                    return null;
                }
                schemas.add(SqlLexer.value(SqlTokenKind.WORD, value.substring(i, end)));
            }
            i = skipSpaces(value, end);
            if (i < value.length()) {
                if (value.charAt(i) != ',') {
                    return null;
                }
                i = skipSpaces(value, i + 1);
                if (i == value.length()) {
                    return null;
                }
            }
        }
        return new SearchPath(schemas);
    }

    /** The spaces PostgreSQL's scanner_isspace knows, no others. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static int skipSpaces(String value, int from) {
        int i = from;
        while (i < value.length() && isSpace(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * True when an unqualified name means {@code public}. PostgreSQL creates in the first listed
     * schema that exists, and finds an existing table in the first listed schema that holds one;
     * kept simple here, both are the first listed schema other than {@code "$user"}. That one is
     * skipped as missing: it stands for a schema named like the role the migrations run as
     * ({@code postgres}, on Supabase and on the scratch database alike), which nobody creates. Every
     * other schema is taken as existing and as holding the table named, since the index follows the
     * tables of {@code public} only.
     */
    boolean resolvesToPublic() {
        for (String schema : schemas) {
            if (!schema.equals(CURRENT_USER)) {
                return schema.equals(PUBLIC);
            }
        }
        return false;
    }
}
