package dev.atdd.core.database;

import java.util.Objects;

/**
 * What a Supabase database has and the server a script failed on lacks.
 *
 * @param what      as messages name it: {@code extension pg_net}, {@code extension vector (type vector)},
 *                  {@code schema realtime}, {@code relation auth.sessions}
 * @param extension whether it is an extension: only the server's installation provides one, no prelude file can
 */
public record SupabaseGap(String what, boolean extension) {

    public SupabaseGap {
        Objects.requireNonNull(what, "what");
    }

    /** Whether it is a role: the server's, not a database's, so one a script makes outlives a scratch database. */
    public boolean role() {
        return what.startsWith("role ");
    }
}
