package dev.atdd.core.database;

import static dev.atdd.core.database.SqlFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins what docs/supabase-prelude.md says the built-in prelude creates. */
class SupabasePreludeTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void applyPrelude() {
        database = ScratchDatabase.embedded();
        new MigrationRunner(database.connection()).applyPrelude(SupabasePrelude.builtIn());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void createsTheDocumentedRolesSchemasAndExtensions() throws SQLException {
        assertEquals("anon:f,authenticated:f,authenticator:f,dashboard_user:f,service_role:t,supabase_admin:f,"
                + "supabase_auth_admin:f,supabase_functions_admin:f,supabase_realtime_admin:f,supabase_storage_admin:f",
                value(database.connection(), """
                select string_agg(rolname || ':' || case when rolbypassrls then 't' else 'f' end, ',' order by rolname)
                from pg_roles where (rolname in ('anon', 'authenticated', 'service_role', 'authenticator',
                    'dashboard_user') or rolname like 'supabase\\_%') and not rolcanlogin"""));
        assertEquals("anon,authenticated,service_role", value(database.connection(), """
                select string_agg(r.rolname, ',' order by r.rolname) from pg_auth_members m
                join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
                where u.rolname = 'authenticator'"""));
        assertEquals("auth,extensions,graphql,pgsodium,storage,vault", value(database.connection(), """
                select string_agg(nspname, ',' order by nspname) from pg_namespace
                where nspname in ('auth', 'extensions', 'storage', 'graphql', 'vault', 'pgsodium')"""));
        assertEquals("pg_graphql:graphql,pgcrypto:extensions,pgjwt:extensions,pgsodium:pgsodium,"
                + "supabase_vault:vault,uuid-ossp:extensions", value(database.connection(), """
                select string_agg(e.extname || ':' || n.nspname, ',' order by e.extname)
                from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql'"""));
        assertEquals("\"$user\", public, extensions", value(database.connection(), "show search_path"));
        assertEquals("{\"search_path=\\\"$user\\\", public, extensions\"}", value(database.connection(), """
                select setconfig::text from pg_db_role_setting s join pg_database d on d.oid = s.setdatabase
                join pg_roles r on r.oid = s.setrole where d.datname = current_database() and r.rolname = current_user"""));
        assertEquals("supabase_realtime", value(database.connection(), "select string_agg(pubname, ',') from pg_publication"));
    }

    @Test
    void createsTheDocumentedFunctions() throws SQLException {
        assertEquals("auth.email() text,auth.jwt() jsonb,auth.role() text,auth.uid() uuid,storage.extension(text) text,"
                + "storage.filename(text) text,storage.foldername(text) text[]", value(database.connection(), """
                select string_agg(p.oid::regprocedure::text || ' ' || format_type(p.prorettype, null), ','
                                  order by p.oid::regprocedure::text)
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in ('auth', 'storage')"""));
        assertEquals("{a,b} c.png png", value(database.connection(),
                "select storage.foldername('a/b/c.png')::text || ' ' || storage.filename('a/b/c.png') "
                        + "|| ' ' || storage.extension('a/b/c.png')"));
    }

    @Test
    void createsAuthUsersAndStorageTablesWithRowLevelSecurityOnStorage() {
        SchemaSnapshot auth = SchemaSnapshot.read(database.connection(), "auth");
        assertEquals(List.of("users"), auth.tables().stream().map(SchemaSnapshot.Table::name).toList());
        assertEquals(35, auth.table("users").orElseThrow().columns().size());

        SchemaSnapshot storage = SchemaSnapshot.read(database.connection(), "storage");
        assertEquals(List.of("buckets:true", "objects:true"), storage.tables().stream()
                .map(t -> t.name() + ":" + t.rowLevelSecurity()).toList());
        assertEquals(Optional.of("gen_random_uuid()"),
                storage.table("objects").orElseThrow().column("id").orElseThrow().defaultExpression());
    }

    @Test
    void optionsChooseWhichScriptsRunInWhichOrder(@TempDir Path folder) {
        Path file = SqlFixtures.write(folder, "prelude.sql", "create schema if not exists realtime;");
        SqlScript builtIn = new SqlScript(SupabasePrelude.BUILT_IN_FILE, SupabasePrelude.builtInText());
        SqlScript user = new SqlScript(file, "create schema if not exists realtime;");

        assertEquals(List.of(builtIn), SupabasePrelude.builtIn().scripts());
        assertEquals(List.of(builtIn, user), SupabasePrelude.builtInThen(SqlScript.read(file)).scripts());
        assertEquals(List.of(user), SupabasePrelude.userFileOnly(SqlScript.read(file)).scripts());
        assertEquals(List.of(), SupabasePrelude.none().scripts());
    }

}
