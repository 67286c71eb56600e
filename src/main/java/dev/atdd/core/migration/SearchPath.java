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
        List<SqlToken> tokens = SqlLexer.tokenize(value);
        List<String> schemas = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += 2) {
            SqlToken name = tokens.get(i);
            boolean separated = i + 1 == tokens.size() || tokens.get(i + 1).isPunctuation(',');
            if (!(name.kind() == SqlTokenKind.WORD || name.quoted()) || !separated) {
                return null;
            }
            schemas.add(name.value());
        }
        return new SearchPath(schemas);
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
