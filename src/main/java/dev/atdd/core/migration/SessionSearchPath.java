package dev.atdd.core.migration;

import java.util.Optional;

/**
 * The {@code search_path} of the one session verify-migrations applies every migration in:
 * {@code SET} holds until changed again, into later files; {@code SET LOCAL} only until the
 * transaction ends, which is the end of its file ({@code MigrationRunner} gives each file a
 * transaction of its own). Not followed: a file the runner sends statement by statement (one
 * holding {@code CREATE INDEX CONCURRENTLY} and the like), where {@code SET LOCAL} changes nothing,
 * and {@code COMMIT} or {@code BEGIN} written inside a file.
 *
 * @param session     what {@code SET}, {@code RESET}, {@code SET ... TO DEFAULT} and {@code set_config(...,
 *                    false)} last set
 * @param transaction what {@code SET LOCAL} or {@code set_config(..., true)} set in the current transaction,
 *                    over {@code session}
 */
record SessionSearchPath(SearchPath session, Optional<SearchPath> transaction) {

    /** A new session: the default path (the Supabase prelude's resolves the same way). */
    static final SessionSearchPath START = new SessionSearchPath(SearchPath.DEFAULT, Optional.empty());

    /** The path in force now. */
    SearchPath current() {
        return transaction.orElse(session);
    }

    /** {@code SET} overrides an earlier {@code SET LOCAL} of the same transaction and outlives it. */
    SessionSearchPath set(SearchPath path) {
        return new SessionSearchPath(path, Optional.empty());
    }

    /** After the transaction the session's path comes back, even one set earlier in it. */
    SessionSearchPath setLocal(SearchPath path) {
        return new SessionSearchPath(session, Optional.of(path));
    }

    SessionSearchPath endTransaction() {
        return transaction.isEmpty() ? this : new SessionSearchPath(session, Optional.empty());
    }
}
