package dev.atdd.maven;

import static dev.atdd.maven.ProjectCopy.logged;
import static dev.atdd.maven.ProjectCopy.rewriteKeepingTime;
import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.spy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atdd.core.check.CheckStamp;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.database.ServerUrl;
import dev.atdd.core.database.SupabaseGap;
import dev.atdd.core.database.SupabasePrelude;
import dev.atdd.core.verify.RowLevelSecurityCheck;
import dev.atdd.testing.Postgres15;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.monitor.logging.DefaultLog;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.logging.Logger;
import org.codehaus.plexus.logging.console.ConsoleLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop project: {@code shop/cart/cart} is covered by a hand-written table without row level
 * security, {@code shop/order/order} has no table. Runs on the shared PostgreSQL 15 test server
 * through {@code jdbcUrl}, so each test gets a scratch database instead of a new embedded server.
 */
@MojoTest
class VerifyMigrationsMojoTest {

    @TempDir
    Path work;

    @Test
    @Basedir("src/test/projects/shop")
    void theParametersHaveTheDocumentedDefaults(@InjectMojo(goal = "verify-migrations") VerifyMigrationsMojo mojo)
            throws Exception {
        assertNull(getVariableValueFromObject(mojo, "jdbcUrl"));
        assertEquals("true", getVariableValueFromObject(mojo, "supabasePrelude"));
        assertEquals("fail", getVariableValueFromObject(mojo, "rowLevelSecurityCheck"));
        assertEquals("true", getVariableValueFromObject(mojo, "failOnDrift"));
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aMissingTableAndAPublicTableWithoutRowLevelSecurityFailTheBuild(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(List.of(
                "1 difference between the contracts and the schema the migrations build:",
                "  contracts/shop/order/order.schema.json:",
                "    shop_order_order: no such table after the migrations ran (shop/order/order asks for it)",
                "Row level security is off on 1 public table: shop_cart_cart (20250101000000_shop_cart_cart.sql:2)."
                        + " Supabase serves the public schema through its API: enable row level security on it in a"
                        + " migration (or set rowLevelSecurityCheck=warn)."), failure.getMessage().lines().toList());
        JsonNode report = new ObjectMapper().readTree(project.reports().resolve("verify-migrations.json").toFile());
        assertFalse(report.get("passed").asBoolean());
        assertEquals("shop_order_order", report.get("drift").get(0).get("table").asText());
        assertEquals("shop_cart_cart", report.get("withoutRowLevelSecurity").get(0).asText());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void warnModesReportWithoutFailing(VerifyMigrationsMojo mojo) throws Exception {
        onTestServer(mojo);
        setVariableValueToObject(mojo, "failOnDrift", "false");
        setVariableValueToObject(mojo, "rowLevelSecurityCheck", "warn");

        mojo.execute();

        List<String> warnings = logged(mojo, "warn");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Row level security is off on 1 public table")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("shop_order_order: no such table")), warnings.toString());
        assertEquals("The migrations differ from the contracts as warned above (failOnDrift=false).",
                logged(mojo, "info").get(logged(mojo, "info").size() - 1));
    }

    @Test
    void eachExecutionInOneModuleTellsWhatItFound(
            @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml") VerifyMigrationsMojo first,
            @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml") VerifyMigrationsMojo second)
            throws Exception {
        // Two executions of one module's build (say, one more on a staging server) share the plugin context.
        ProjectCopy project = onTestServer(first);
        onTestServer(second, project);
        Map<String, Object> context = new HashMap<>();
        for (VerifyMigrationsMojo mojo : List.of(first, second)) {
            mojo.setPluginContext(context);
            mojo.setLog(spy(new DefaultLog(new ConsoleLogger(Logger.LEVEL_DISABLED, "atdd"))));
            setVariableValueToObject(mojo, "failOnDrift", "false");
            setVariableValueToObject(mojo, "rowLevelSecurityCheck", "off");
        }

        first.execute();
        second.execute();

        assertEquals(List.of("1 difference between the contracts and the schema the migrations build:",
                "  contracts/shop/order/order.schema.json:",
                "    shop_order_order: no such table after the migrations ran (shop/order/order asks for it)"),
                logged(first, "warn"));
        assertEquals(logged(first, "warn"), logged(second, "warn"));
    }

    @Test
    void aRunThatFailsLeavesNoReportOfTheLastPass(
            @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml") VerifyMigrationsMojo first,
            @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml") VerifyMigrationsMojo second)
            throws Exception {
        ProjectCopy project = onTestServer(first);
        Files.delete(project.root().resolve("contracts/shop/order/order.schema.json"));
        project.write("supabase/migrations/20250102000000_rls.sql",
                "alter table public.shop_cart_cart enable row level security;\n");
        first.execute();
        Path report = project.reports().resolve("verify-migrations.json");
        assertTrue(new ObjectMapper().readTree(report.toFile()).get("passed").asBoolean());

        onTestServer(second, project);
        project.write("supabase/migrations/20250102000000_rls.sql",
                "alter table public.shop_cart_cart enable row level security;\nselect 1/0;\n");

        MojoFailureException failure = assertThrows(MojoFailureException.class, second::execute);

        assertTrue(failure.getMessage().contains("division by zero"), failure.getMessage());
        assertFalse(Files.exists(report), "the report of the earlier pass is gone");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aCoveredProjectWithRowLevelSecurityPasses(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        Files.delete(project.root().resolve("contracts/shop/order/order.schema.json"));
        project.write("supabase/migrations/20250102000000_rls.sql",
                "alter table public.shop_cart_cart enable row level security;\n");

        mojo.execute();

        assertFalse(logged(mojo, "info").toString().contains("not-for-the-log"));
        assertTrue(logged(mojo, "info").contains("Applied 2 migration(s) on a scratch database on "
                + Postgres15.adminJdbcUrl().replaceFirst("\\?.*$", "") + "."), logged(mojo, "info").toString());
        assertTrue(new ObjectMapper().readTree(project.reports().resolve("verify-migrations.json").toFile())
                .get("passed").asBoolean());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "existingTables", value = "auth_users, shop_order_order")
    @MojoParameter(name = "rowLevelSecurityCheck", value = "off")
    void aTableListedInExistingTablesIsNotDrift(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);

        mojo.execute();

        JsonNode report = new ObjectMapper().readTree(project.reports().resolve("verify-migrations.json").toFile());
        assertTrue(report.get("passed").asBoolean(), report.toString());
        assertEquals(0, report.get("drift").size(), report.toString());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void anUnknownRowLevelSecurityModeIsAnErrorNamingIt(VerifyMigrationsMojo mojo) throws Exception {
        onTestServer(mojo);
        setVariableValueToObject(mojo, "rowLevelSecurityCheck", "sometimes");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("rowLevelSecurityCheck must be fail, warn or off, found \"sometimes\"", failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aJdbcUrlWithoutItsPrefixIsTheUsersErrorShownWithoutItsParameters(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy.ofTestProject("shop", work).pointAt(mojo);
        setVariableValueToObject(mojo, "jdbcUrl", "postgres://localhost:5432/postgres?password=not-for-the-log");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("jdbcUrl must be jdbc:postgresql://host[:port]/database, found"
                + " \"postgres://localhost:5432/postgres\": it does not start with jdbc:postgresql://", failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aJdbcUrlWithAnEmptyHostFailsBeforeAnyConnection(VerifyMigrationsMojo mojo) throws Exception {
        onTestServer(mojo);
        // The driver would read the empty host as localhost, where the test server runs: only the check stops it.
        String url = ((String) getVariableValueFromObject(mojo, "jdbcUrl")).replaceFirst("//localhost:", "//:");
        setVariableValueToObject(mojo, "jdbcUrl", url);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("jdbcUrl must be jdbc:postgresql://host[:port]/database, found \""
                + url.replaceFirst("\\?.*$", "") + "\": the host is empty", failure.getMessage());
        assertFalse(failure.getMessage().contains("not-for-the-log"));
        assertTrue(logged(mojo, "info").isEmpty(), logged(mojo, "info").toString());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aRunOnTheUsersServerStampsNothingAndRemovesAnEarlierStamp(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        setVariableValueToObject(mojo, "existingTables", List.of("shop_order_order"));
        setVariableValueToObject(mojo, "rowLevelSecurityCheck", "off");
        Path stamp = project.reports().resolve("verify-migrations.stamp");
        assertTrue(new CheckStamp("an embedded run's inputs", List.of(), "passed").write(stamp));

        mojo.execute();

        assertTrue(logged(mojo, "info").stream().anyMatch(line -> line.startsWith("Applied 1 migration(s)")),
                logged(mojo, "info").toString());
        assertFalse(Files.exists(stamp));
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aMigrationNeedingWhatOnlySupabaseHasSaysHowToVerifyIt(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        project.write("supabase/migrations/20990101000000_cron.sql", "create extension if not exists pg_cron;\n");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("extension \"pg_cron\" is not available (SQLSTATE 0A000)"),
                failure.getMessage());
        // The run is on a server of the user's (jdbcUrl): the advice fits that.
        assertTrue(failure.getMessage().endsWith("\nextension pg_cron is not on the server at jdbcUrl: a Supabase"
                + " database has more than the Supabase prelude makes (the plugin's docs/supabase-prelude.md lists what"
                + " it makes), and a prelude file cannot install an extension the server lacks. If the migration is"
                + " right on Supabase, install the extension on that server, or verify on the database `supabase start`"
                + " runs (jdbcUrl jdbc:postgresql://127.0.0.1:54322/postgres)."), failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "existingTables", value = "billing_invoice")
    void aTableOfAnotherModuleAMigrationReferencesIsToBeMadeInAPreludeFile(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        refundReferencing(project, "public.billing_invoice");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("relation \"public.billing_invoice\" does not exist (SQLSTATE 42P01)"),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith("\nbilling_invoice is in existingTables, made by another module or"
                + " tool; the database the migrations are verified on needs it too: create it in a preludeFile (the"
                + " plugin's docs/supabase-prelude.md, \"Tables another module makes\")."), failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aTableNothingHereMakesMayBeAnotherModules(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        refundReferencing(project, "billing_invoice");

        assertFailsWithAdvice(mojo, "If billing_invoice is a table another module or tool makes, list it in"
                + " existingTables and create it in a preludeFile (the plugin's docs/supabase-prelude.md, \"Tables"
                + " another module makes\").");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aQuotedTableNothingHereMakesIsNotSentToExistingTablesWhichRefusesItsName(VerifyMigrationsMojo mojo)
            throws Exception {
        ProjectCopy project = onTestServer(mojo);
        refundReferencing(project, "\"BillingInvoice\"");

        assertFailsWithAdvice(mojo, "If BillingInvoice is a table another module or tool makes, create it in a"
                + " preludeFile (the plugin's docs/supabase-prelude.md, \"Tables another module makes\").");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aTableALaterMigrationMakesIsToBeMadeFirst(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        refundReferencing(project, "billing_invoice");
        project.write("supabase/migrations/20990102000000_invoice.sql",
                "create table billing_invoice (id uuid primary key);\n");

        assertFailsWithAdvice(mojo, "billing_invoice is made by 20990102000000_invoice.sql:1: a migration"
                + " that references it needs a later version than that one.");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aTableAnEarlierMigrationRenamedIsToBeReferencedByItsNewName(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        project.write("supabase/migrations/20990101000000_invoice.sql",
                "create table billing_invoice (id uuid primary key);\n");
        project.write("supabase/migrations/20990102000000_rename.sql",
                "alter table billing_invoice rename to invoice;\n");
        project.write("supabase/migrations/20990103000000_refund.sql",
                "create table refund (id uuid primary key, invoice uuid references billing_invoice (id));\n");

        assertFailsWithAdvice(mojo, "billing_invoice was renamed to invoice by 20990102000000_rename.sql:1, which ran"
                + " before this migration: reference invoice instead.");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aTableMadeFurtherDownTheSameMigrationIsToBeMadeBeforeItsReference(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        project.write("supabase/migrations/20990101000000_refund.sql",
                "create table refund (id uuid primary key, invoice uuid references billing_invoice (id));\n"
                        + "create table billing_invoice (id uuid primary key);\n");

        assertFailsWithAdvice(mojo, "billing_invoice is made further down this migration, at line 2:"
                + " make it before the statement that references it.");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aTableAnEarlierMigrationWasToMakeIsNotToBeMadeEarlierStill(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        // Made only where a role exists that the scratch database lacks.
        project.write("supabase/migrations/20990101000000_invoice.sql", """
                do $$ begin
                  if exists (select from pg_roles where rolname = 'billing_owner') then
                    create table billing_invoice (id uuid primary key);
                  end if;
                end $$;
                """);
        project.write("supabase/migrations/20990102000000_refund.sql",
                "create table refund (id uuid primary key, invoice uuid references billing_invoice (id));\n");

        assertFailsWithAdvice(mojo, "billing_invoice is made by 20990101000000_invoice.sql:3, which ran"
                + " before this migration, yet the server lacks it: see what kept that statement from making it in"
                + " public (a condition, another schema).");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aTableMadeTwiceIsToldWhereItWasMadeFirst(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        project.write("supabase/migrations/20990101000000_refund.sql", "create table refund (id uuid primary key);\n");
        project.write("supabase/migrations/20990102000000_refund_again.sql",
                "-- made again\ncreate table refund (id uuid primary key);\n");

        assertFailsWithAdvice(mojo, "refund is made before, by 20990101000000_refund.sql:1: keep one"
                + " statement, with what both define (IF NOT EXISTS on the later one would skip it whole).");
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aNearMissOfATableSupabaseHasIsToldAsTheTypoItIsNotToBeVerifiedOnSupabase(VerifyMigrationsMojo mojo)
            throws Exception {
        ProjectCopy project = onTestServer(mojo);
        refundReferencing(project, "auth.user");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(List.of("supabase/migrations/20990101000000_refund.sql:1:72: relation \"auth.user\" does not"
                        + " exist (SQLSTATE 42P01)",
                "relation auth.user does not exist on Supabase either: did you mean auth.users?"),
                failure.getMessage().lines().filter(line -> line.contains("auth.user\"") || line.contains("either"))
                        .toList());
        assertTrue(failure.getMessage().endsWith("\nrelation auth.user does not exist on Supabase either: did you"
                + " mean auth.users?"), failure.getMessage());
    }

    @Test
    void onTheEmbeddedServerAMissingExtensionIsToBeVerifiedOnSupabasesDatabaseNotInAPreludeFile() {
        assertEquals("\nextension pg_cron is not on this PostgreSQL 15: a Supabase database has more than the Supabase"
                + " prelude makes (the plugin's docs/supabase-prelude.md lists what it makes), and a prelude file cannot"
                + " install an extension the server lacks. If the migration is right on Supabase, verify on the database"
                + " `supabase start` runs (-Datdd.jdbcUrl=jdbc:postgresql://127.0.0.1:54322/postgres"
                + " -Datdd.username=postgres -Datdd.password=postgres).",
                VerifyMigrationsMojo.supabaseAdvice(new SupabaseGap("extension pg_cron", true),
                        settings(SupabasePrelude.builtIn(), Optional.empty()), true));
    }

    @Test
    void aMissingSchemaMayBeMadeInAPreludeFileWhereverTheRunIs() {
        assertEquals("\nschema realtime is not on the server at jdbcUrl: a Supabase database has more than the"
                + " Supabase prelude makes (the plugin's docs/supabase-prelude.md lists what it makes). If the migration"
                + " is right on Supabase, create what it needs in a preludeFile, or verify on the database"
                + " `supabase start` runs (jdbcUrl jdbc:postgresql://127.0.0.1:54322/postgres).",
                VerifyMigrationsMojo.supabaseAdvice(new SupabaseGap("schema realtime", false),
                        settings(SupabasePrelude.builtIn(), Optional.of(new ServerUrl("jdbc:postgresql://db:5432/app"))),
                        true));
    }

    @Test
    void aMissingRoleIsMadeInAPreludeFileOnTheEmbeddedServerButOnTheUsersServerItself() {
        String embedded = VerifyMigrationsMojo.supabaseAdvice(new SupabaseGap("role authenticated", false),
                settings(SupabasePrelude.none(), Optional.empty()), true);
        String users = VerifyMigrationsMojo.supabaseAdvice(new SupabaseGap("role authenticated", false),
                settings(SupabasePrelude.none(), Optional.of(new ServerUrl("jdbc:postgresql://db:5432/app"))), true);

        assertTrue(embedded.startsWith("\nrole authenticated is not on this PostgreSQL 15: the Supabase prelude is off"
                + " (supabasePrelude=false)"), embedded);
        assertTrue(embedded.contains("If the migration is right on Supabase, create what it needs in a preludeFile,"),
                embedded);
        assertTrue(users.contains("If the migration is right on Supabase, create the role on that server, or verify"),
                users);
    }

    @Test
    void withTheSupabasePreludeOffTheAdviceSaysSoAndAPreludeFileIsNeitherCalledAMigrationNorToldToMakeWhatItLacksItself() {
        assertEquals("\nschema auth is not on this PostgreSQL 15: the Supabase prelude is off (supabasePrelude=false),"
                + " and a Supabase database has what it makes and more (the plugin's docs/supabase-prelude.md lists what"
                + " it makes). If the prelude is right on Supabase, verify on the database `supabase start` runs"
                + " (-Datdd.jdbcUrl=jdbc:postgresql://127.0.0.1:54322/postgres -Datdd.username=postgres"
                + " -Datdd.password=postgres).",
                VerifyMigrationsMojo.supabaseAdvice(new SupabaseGap("schema auth", false),
                        settings(SupabasePrelude.none(), Optional.empty()), false));
    }

    private static VerifyMigrationsMojo.Settings settings(SupabasePrelude prelude, Optional<ServerUrl> server) {
        return new VerifyMigrationsMojo.Settings(RowLevelSecurityCheck.FAIL, true, prelude, server,
                new AbstractAtddMojo.PlanParameters(Strategy.JSONB, Set.of(), List.of()));
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void thePreludeFileEntersTheStampByItsText(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("shop", work);
        project.pointAt(mojo);
        project.write("prelude.sql", "create role app_reader;\n");
        Path prelude = project.root().resolve("prelude.sql");
        setVariableValueToObject(mojo, "preludeFile", prelude.toFile());
        Object before = mojo.outcomeSettings(mojo.settings()).get("preludeFile");
        // Same size, same time: only the text tells them apart.
        rewriteKeepingTime(prelude, "create role app_writer;\n");

        assertNotEquals(before, mojo.outcomeSettings(mojo.settings()).get("preludeFile"));
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void aMissingPreludeFileFailsTheRunOnTheUsersServerBeforeTheServerIsReached(VerifyMigrationsMojo mojo)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("shop", work);
        project.pointAt(mojo);
        // Nothing listens on port 1: were the server reached first, the run would fail as broken, not on the file.
        setVariableValueToObject(mojo, "jdbcUrl", "jdbc:postgresql://127.0.0.1:1/postgres");
        setVariableValueToObject(mojo, "preludeFile", project.root().resolve("prelude.sql").toFile());

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("prelude.sql: does not exist", failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-migrations", pom = "src/test/projects/shop/pom.xml")
    void anErrorInThePreludeFileIsTitledAsThePreludeFiles(VerifyMigrationsMojo mojo) throws Exception {
        ProjectCopy project = onTestServer(mojo);
        project.write("prelude.sql", "-- stand-ins\ncreate tabel public.billing_invoice (id uuid);\n");
        setVariableValueToObject(mojo, "preludeFile", project.root().resolve("prelude.sql").toFile());

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(List.of("The prelude file does not apply on PostgreSQL 15:",
                "prelude.sql:2:8: syntax error at or near \"tabel\" (SQLSTATE 42601)"),
                failure.getMessage().lines().limit(2).toList());
    }

    /** Runs the goal, which must fail with {@code advice} on the last line(s) of its message. */
    private static void assertFailsWithAdvice(VerifyMigrationsMojo mojo, String advice) {
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().endsWith("\n" + advice), failure.getMessage());
    }

    /** A migration whose table has a foreign key to {@code invoices}, which nothing here makes before it. */
    private static void refundReferencing(ProjectCopy project, String invoices) throws IOException {
        project.write("supabase/migrations/20990101000000_refund.sql",
                "create table refund (id uuid primary key, invoice uuid references " + invoices + " (id));\n");
    }

    private ProjectCopy onTestServer(VerifyMigrationsMojo mojo) throws Exception {
        return onTestServer(mojo, ProjectCopy.ofTestProject("shop", work));
    }

    /** The mojo on {@code project}, run on the test server. */
    private static ProjectCopy onTestServer(VerifyMigrationsMojo mojo, ProjectCopy project) throws Exception {
        project.pointAt(mojo);
        String url = Postgres15.adminJdbcUrl();
        setVariableValueToObject(mojo, "jdbcUrl", url + (url.contains("?") ? "&" : "?") + "password=not-for-the-log");
        setVariableValueToObject(mojo, "username", "postgres");
        return project;
    }
}
