package dev.atdd.core.database;

import dev.atdd.core.Problem;
import dev.atdd.core.Typo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a script failed on the server, located in its file.
 *
 * @param file     the script's file
 * @param line     1-based line of the server's error position; 0 when the server gave none
 * @param column   1-based column (in characters) on that line; 0 when unknown
 * @param lineText that line, without its line break; empty when unknown
 * @param message  PostgreSQL's primary message
 * @param sqlState the SQLSTATE code, for example {@code 42601}
 * @param detail   PostgreSQL's DETAIL, when given
 * @param hint     PostgreSQL's HINT, when given
 * @param where    PostgreSQL's CONTEXT (for example the PL/pgSQL line), when given
 */
public record MigrationFailure(Path file, int line, int column, String lineText, String message, String sqlState,
                               Optional<String> detail, Optional<String> hint, Optional<String> where) {

    /** Schemas of a Supabase database that the prelude does not create, or creates only in part. */
    private static final Set<String> SUPABASE_SCHEMAS = Set.of("auth", "storage", "realtime", "supabase_functions",
            "vault", "graphql", "graphql_public", "net", "cron", "pgsodium", "pgsodium_masks", "extensions",
            "supabase_migrations", "pgbouncer", "_realtime", "_analytics");
    /** Roles of a Supabase database, which policies and grants name; the prelude makes the three API roles. */
    private static final Set<String> SUPABASE_ROLES = Set.of("anon", "authenticated", "service_role",
            "authenticator", "supabase_admin", "dashboard_user", "supabase_auth_admin", "supabase_storage_admin",
            "supabase_realtime_admin", "supabase_replication_admin", "supabase_read_only_user", "pgbouncer");
    /**
     * The tables of a Supabase database a migration may reference, by qualified name: those the built-in prelude
     * makes (auth.users, storage.buckets, storage.objects; docs/supabase-prelude.md) and the other well-known
     * tables of Supabase's {@code auth} and {@code storage}. A missing relation that is a near miss of one
     * ({@code auth.user}) is a typo, which Supabase lacks too, not something only Supabase has.
     */
    private static final List<String> SUPABASE_RELATIONS = List.of("auth.users", "auth.identities", "auth.sessions",
            "auth.refresh_tokens", "auth.instances", "auth.audit_log_entries", "auth.mfa_factors",
            "auth.mfa_challenges", "auth.mfa_amr_claims", "auth.sso_providers", "auth.sso_domains",
            "auth.saml_providers", "auth.saml_relay_states", "auth.flow_state", "auth.one_time_tokens",
            "auth.schema_migrations", "storage.buckets", "storage.objects", "storage.migrations",
            "storage.s3_multipart_uploads", "storage.s3_multipart_uploads_parts");
    /** Of those, the ones an application's tables reference, which a migration may name without their schema. */
    private static final List<String> REFERENCED_BY_APPLICATIONS = List.of("auth.users", "auth.identities",
            "auth.sessions", "storage.buckets", "storage.objects");
    private static final Pattern MISSING_ROLE = Pattern.compile("^role \"([^\"]+)\" does not exist");
    private static final Pattern MISSING_EXTENSION = Pattern.compile("extension \"([^\"]+)\" is not available");
    /** Types of extensions Supabase offers and stock PostgreSQL lacks, which a table's column may name. */
    private static final Map<String, String> EXTENSION_TYPES = Map.of("vector", "vector", "halfvec", "vector",
            "sparsevec", "vector", "geometry", "postgis", "geography", "postgis");
    /** {@code type "vector"}, {@code "extensions.vector"}, {@code "vector[]"}: qualified as Supabase's docs write them. */
    private static final Pattern MISSING_TYPE = Pattern.compile(
            "^type \"(?:extensions\\.|public\\.)?([a-z_]+)(?:\\[])*\" does not exist");
    /**
     * What a message names first, its kind and its name as written: {@code relation "auth.identities"},
     * {@code schema "realtime"}, {@code function net.http_post(...)}.
     */
    private static final Pattern NAMED_OBJECT = Pattern.compile("^(\\w+) \"?([^\"(]+)");
    /** A relation of {@code public}, schema named or not: {@code relation "orders" does not exist} (or exists). */
    private static final Pattern PUBLIC_RELATION = Pattern.compile(
            "^relation \"(?:public\\.)?([^\".]+)\" (does not exist|already exists)");
    /** No such schema (3F000), or relation (42P01), function (42883), type or other object (42704). */
    private static final Set<String> MISSING_OBJECT_STATES = Set.of("3F000", "42P01", "42883", "42704");

    public MigrationFailure {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(lineText, "lineText");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(where, "where");
    }

    /**
     * The failure as a problem of the user's file. Its message is the full report after the location:
     * <pre>
     * syntax error at or near "tabel" (SQLSTATE 42601)
     *    12 | create tabel public.notes (
     *       |        ^
     * hint: ...
     * </pre>
     */
    public Problem problem() {
        StringBuilder text = new StringBuilder(message).append(" (SQLSTATE ").append(sqlState).append(')');
        if (line > 0) {
            String gutter = String.valueOf(line);
            text.append('\n').append(String.format("%6s | ", gutter)).append(lineText);
            text.append('\n').append(String.format("%6s | ", "")).append(caretIndent()).append('^');
        }
        detail.ifPresent(d -> text.append("\ndetail: ").append(d));
        hint.ifPresent(h -> text.append("\nhint: ").append(h));
        where.ifPresent(w -> text.append("\nwhere: ").append(w.replace("\n", "\n       ")));
        return new Problem(file, line, line > 0 ? column : 0, text.toString());
    }

    /**
     * What a Supabase database has and this server lacks, when that is why the script failed: an
     * extension stock PostgreSQL does not ship ({@code extension pg_net}), a schema Supabase manages
     * ({@code schema realtime}), an object of one ({@code relation auth.sessions}), or one of its roles
     * ({@code role authenticated}). Empty for any other failure, and for a relation whose name is a near miss of
     * a table Supabase has, which Supabase lacks too ({@link #supabaseTypo()}).
     */
    public Optional<SupabaseGap> supabaseGap() {
        Matcher extension = MISSING_EXTENSION.matcher(message);
        if (sqlState.equals("0A000") && extension.find()) {
            return Optional.of(new SupabaseGap("extension " + extension.group(1), true));
        }
        Matcher type = MISSING_TYPE.matcher(message);
        if (sqlState.equals("42704") && type.find() && EXTENSION_TYPES.containsKey(type.group(1))) {
            return Optional.of(new SupabaseGap("extension " + EXTENSION_TYPES.get(type.group(1))
                    + " (type " + type.group(1) + ")", true));
        }
        Matcher role = MISSING_ROLE.matcher(message);
        if (sqlState.equals("42704") && role.find() && SUPABASE_ROLES.contains(role.group(1))) {
            return Optional.of(new SupabaseGap("role " + role.group(1), false));
        }
        return missingOfSupabase().filter(missing -> missing.meant().isEmpty())
                .map(missing -> new SupabaseGap(missing.what(), false));
    }

    /**
     * The typo of a missing relation of Supabase's schemas whose name is a near miss of a table Supabase has, told
     * as such: {@code relation auth.user does not exist on Supabase either: did you mean auth.users?}. Empty for any
     * other failure, a table Supabase has by its exact name among them (that one is a {@link #supabaseGap()}).
     */
    public Optional<String> supabaseTypo() {
        return missingOfSupabase().flatMap(missing -> missing.meant().map(meant -> missing.what()
                + " does not exist on Supabase either: did you mean " + meant + "?"));
    }

    /**
     * A schema Supabase manages that the message says does not exist, or an object of one it names whole:
     * {@code schema realtime}, {@code relation auth.sessions}, {@code function net.http_post}.
     */
    private Optional<MissingObject> missingOfSupabase() {
        // The schema itself, or an object qualified by it: a table of public named storage is no Supabase schema.
        Matcher object = NAMED_OBJECT.matcher(message);
        if (!MISSING_OBJECT_STATES.contains(sqlState) || !message.contains("does not exist") || !object.find()) {
            return Optional.empty();
        }
        String named = object.group(2);
        boolean schema = sqlState.equals("3F000");
        int dot = named.indexOf('.');
        if (!schema && dot < 0 || !SUPABASE_SCHEMAS.contains(schema ? named : named.substring(0, dot))) {
            return Optional.empty();
        }
        // Named whole: the prelude may have made the schema (auth) but not this object of it (auth.sessions).
        return Optional.of(new MissingObject(schema ? "schema" : object.group(1), named));
    }

    /** What a failure names as missing: its kind as the message says it ({@code relation}) and its name. */
    private record MissingObject(String kind, String name) {

        /** {@code relation auth.sessions}. */
        String what() {
            return kind + " " + name;
        }

        /** The table Supabase has that a relation of another name most likely misspells. */
        Optional<String> meant() {
            return kind.equals("relation") && !SUPABASE_RELATIONS.contains(name)
                    ? Typo.meant(name, SUPABASE_RELATIONS) : Optional.empty();
        }
    }

    /**
     * The table of Supabase's schemas named {@code table} without its schema ({@code users}: {@code auth.users}), of
     * those an application references; empty for any other name.
     */
    public static Optional<String> supabaseTableNamed(String table) {
        return REFERENCED_BY_APPLICATIONS.stream().filter(relation -> relation.endsWith("." + table)).findFirst();
    }

    /** The table of {@code public} the script references and the server lacks (SQLSTATE 42P01), as named. */
    public Optional<String> missingTable() {
        return publicRelation("42P01", "does not exist");
    }

    /** The table, view or index of {@code public} the script makes a second time (SQLSTATE 42P07), as named. */
    public Optional<String> duplicateRelation() {
        return publicRelation("42P07", "already exists");
    }

    /** The relation of {@code public} the message names, when the failure is of {@code state} and says {@code what}. */
    private Optional<String> publicRelation(String state, String what) {
        Matcher relation = PUBLIC_RELATION.matcher(message);
        return sqlState.equals(state) && relation.find() && relation.group(2).equals(what)
                ? Optional.of(relation.group(1)) : Optional.empty();
    }

    /** {@code file:line:column: message (SQLSTATE x)}, then the quoted line with a caret and any detail and hint. */
    public String render(Path base) {
        return problem().describe(base);
    }

    /** Blanks up to the column, keeping tabs as tabs so that the caret lines up under the quoted line. */
    private String caretIndent() {
        StringBuilder indent = new StringBuilder();
        lineText.codePoints().limit(Math.max(0, column - 1L))
                .forEach(cp -> indent.append(cp == '\t' ? '\t' : ' '));
        return indent.toString();
    }
}
