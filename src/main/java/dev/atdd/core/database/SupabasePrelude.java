package dev.atdd.core.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is applied before the migrations so that Supabase migrations run on a plain PostgreSQL: the
 * built-in Supabase compatibility prelude ({@code supabase-prelude.sql}, documented in
 * {@code docs/supabase-prelude.md}), a user's prelude file, both (built-in first), or nothing.
 *
 * @param includesBuiltIn whether the built-in prelude is applied
 * @param userScript      a user's SQL file, read already, applied after it (or instead of it), if any
 */
public record SupabasePrelude(boolean includesBuiltIn, Optional<SqlScript> userScript) {

    /** The name the built-in prelude is reported under, should it ever fail on a server. */
    public static final Path BUILT_IN_FILE = Path.of("built-in", "supabase-prelude.sql");

    private static final String BUILT_IN_RESOURCE = "supabase-prelude.sql";

    public SupabasePrelude {
        Objects.requireNonNull(userScript, "userScript");
    }

    /** The built-in prelude only: the default. */
    public static SupabasePrelude builtIn() {
        return new SupabasePrelude(true, Optional.empty());
    }

    /** The built-in prelude, then the user's file, which extends it. */
    public static SupabasePrelude builtInThen(SqlScript userScript) {
        return new SupabasePrelude(true, Optional.of(userScript));
    }

    /** The user's file instead of the built-in prelude. */
    public static SupabasePrelude userFileOnly(SqlScript userScript) {
        return new SupabasePrelude(false, Optional.of(userScript));
    }

    /** No prelude: the migrations run on the bare database. */
    public static SupabasePrelude none() {
        return new SupabasePrelude(false, Optional.empty());
    }

    /** The SQL text of the built-in prelude. */
    public static String builtInText() {
        return BundledSql.text(BUILT_IN_RESOURCE);
    }

    /** The scripts to apply, in order. */
    public List<SqlScript> scripts() {
        List<SqlScript> scripts = new ArrayList<>();
        if (includesBuiltIn) {
            scripts.add(new SqlScript(BUILT_IN_FILE, builtInText()));
        }
        userScript.ifPresent(scripts::add);
        return List.copyOf(scripts);
    }
}
