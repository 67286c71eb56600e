package dev.atdd.maven;

import static dev.atdd.maven.ProjectCopy.logged;
import static dev.atdd.maven.ProjectCopy.rewriteKeepingTime;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.spy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.monitor.logging.DefaultLog;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.logging.Logger;
import org.codehaus.plexus.logging.console.ConsoleLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that passed is not done again in a later build while its settings and files are as they
 * were listed then: it tells the same warnings and summary from its stamp beside the report. Any
 * change to a file's listing, a setting or the report makes it check again.
 */
@MojoTest
class RepeatedCheckTest {

    private static final String SHOP = "src/test/projects/shop/pom.xml";
    private static final String ORDER_TABLE = "create table public.shop_order_order (id uuid primary key);\n";
    private static final String UNCHANGED = " (unchanged since the last check)";

    @TempDir
    Path work;

    @Test
    void aPassOnFilesListedAsBeforeIsToldAgainWithoutReadingThem(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second) throws Exception {
        ProjectCopy shop = passingShop();
        shop.write("contracts/loose.schema.json", "{}");
        shop.write("supabase/migrations/notes.sql", "-- notes, not a migration\n");
        shop.settle();
        inBuildsOfTheirOwn(shop, first, second);

        first.execute();
        // Rewritten in place with its size and time kept, the contract is listed as before: were it read
        // again, the check would fail on it.
        Path cart = shop.root().resolve("contracts/shop/cart/cart.schema.json");
        rewriteKeepingTime(cart, "{".repeat((int) Files.size(cart)));
        second.execute();

        assertEquals(2, logged(first, "warn").size());
        assertEquals(logged(first, "warn"), logged(second, "warn"));
        assertEquals(List.of(logged(first, "info").get(0) + UNCHANGED), logged(second, "info"));
    }

    @Test
    void anEditedFileIsCheckedAgain(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, first, second);

        first.execute();
        assertTrue(Files.exists(shop.reports().resolve("check-coverage.stamp")));
        shop.write("supabase/migrations/20250102000000_shop_order_order.sql", "-- not yet\n");

        MojoFailureException failure = assertThrows(MojoFailureException.class, second::execute);
        assertTrue(failure.getMessage().contains("shop/order/order → table: shop_order_order"), failure.getMessage());
        assertFalse(Files.exists(shop.reports().resolve("check-coverage.stamp")));
        // With -X, each build says why it read the files.
        assertTrue(logged(first, "debug").stream().anyMatch(line -> line.startsWith("No stamp of an earlier pass")),
                logged(first, "debug").toString());
        assertTrue(logged(second, "debug").stream().anyMatch(line -> line.contains("stands for other settings or files")),
                logged(second, "debug").toString());
    }

    @Test
    void aFailureInBetweenIsNotForgottenWhenTheFilesGoBack(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo third) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, first, second, third);
        Path extra = shop.root().resolve("contracts/shop/order/line.schema.json");

        first.execute();
        shop.write("contracts/shop/order/line.schema.json", "{\"type\": \"object\", \"required\": [\"id\"],"
                + " \"properties\": {\"id\": {\"type\": \"string\"}}}");
        assertThrows(MojoFailureException.class, second::execute);
        Files.delete(extra);
        third.execute();

        // The listing is the first build's again, but the second build's failure removed the stamp.
        assertFalse(logged(third, "info").get(0).endsWith(UNCHANGED), logged(third, "info").toString());
        assertTrue(shop.read("target/atdd/check-coverage.json").contains("\"passed\" : true"));
    }

    @Test
    void aFileChangedJustBeforeTheBuildLeavesNoStamp(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = passingShop();
        inBuildsOfTheirOwn(shop, mojo);

        mojo.execute();

        assertTrue(Files.exists(shop.reports().resolve("check-coverage.json")));
        assertFalse(Files.exists(shop.reports().resolve("check-coverage.stamp")));
    }

    @Test
    void aMissingReportIsWrittenAgain(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, first, second);

        first.execute();
        Files.delete(shop.reports().resolve("check-coverage.json"));
        second.execute();

        assertTrue(Files.exists(shop.reports().resolve("check-coverage.json")));
        assertEquals(logged(first, "info"), logged(second, "info"));
    }

    @Test
    void anotherSettingIsCheckedAgain(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work).settle();
        inBuildsOfTheirOwn(shop, first, second);
        setVariableValueToObject(first, "existingTables", List.of("shop_order_order"));

        first.execute();

        assertThrows(MojoFailureException.class, second::execute);
    }

    @Test
    void checkTodosSeesOtherMarkersAndANewTodo(
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo first,
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo same,
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo otherMarkers,
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo again,
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo newTodo) throws Exception {
        ProjectCopy shop = passingShop();
        shop.write("supabase/migrations/20250103000000_notes.sql", "-- FIXME: index the orders\n");
        shop.settle();
        inBuildsOfTheirOwn(shop, first, same, otherMarkers, again, newTodo);
        setVariableValueToObject(otherMarkers, "markers", List.of("FIXME:"));

        first.execute();
        same.execute();
        assertThrows(MojoFailureException.class, otherMarkers::execute);
        again.execute();
        assertTrue(Files.exists(shop.reports().resolve("check-todos.stamp")));
        shop.write("supabase/migrations/20250104000000_later.sql", "-- TODO: review\n");
        assertThrows(MojoFailureException.class, newTodo::execute);

        assertEquals(List.of(logged(first, "info").get(0) + UNCHANGED), logged(same, "info"));
    }

    @Test
    void aProblemTheListingFindsIsSeenThoughNoFileChanged(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, first, second);

        first.execute();
        Files.createSymbolicLink(shop.root().resolve("contracts/shop/loop"), shop.root().resolve("contracts"));

        MojoFailureException failure = assertThrows(MojoFailureException.class, second::execute);
        assertTrue(failure.getMessage().contains("a symbolic link loop"), failure.getMessage());
    }

    @Test
    void aContractsFolderMadeAfterThePassIsNoLongerWarnedAbout(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second) throws Exception {
        ProjectCopy shop = passingShop().settle();
        Path contracts = shop.root().resolve("contracts");
        try (var files = Files.walk(contracts)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        inBuildsOfTheirOwn(shop, first, second);

        first.execute();
        Files.createDirectory(contracts);
        second.execute();

        assertEquals(1, logged(first, "warn").size(), logged(first, "warn").toString());
        assertEquals(List.of(), logged(second, "warn"));
    }

    @Test
    void markersAreComparedOneByOne(
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo first,
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo second) throws Exception {
        ProjectCopy shop = passingShop();
        shop.write("supabase/migrations/20250103000000_notes.sql", "-- FIXME: index the orders\n");
        shop.settle();
        inBuildsOfTheirOwn(shop, first, second);
        // One marker "TODO:, FIXME:" finds nothing here; two markers find the FIXME.
        setVariableValueToObject(first, "markers", List.of("TODO:, FIXME:"));
        setVariableValueToObject(second, "markers", List.of("TODO:", "FIXME:"));

        first.execute();

        assertThrows(MojoFailureException.class, second::execute);
    }

    @Test
    void aStampThatCannotBeWrittenDoesNotFailTheBuild(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo second) throws Exception {
        ProjectCopy shop = passingShop().settle();
        Files.createDirectories(shop.reports().resolve("check-coverage.stamp").resolve("in the way"));
        inBuildsOfTheirOwn(shop, first, second);

        first.execute();
        second.execute();

        assertEquals(logged(first, "info"), logged(second, "info"));
        assertTrue(shop.read("target/atdd/check-coverage.json").contains("\"passed\" : true"));
    }

    @Test
    void aGenerationThatFoundNothingMissingIsToldAgainWithoutReading(
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo first,
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo second) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, first, second);

        first.execute();
        // Rewritten with its size and time kept, the contract is listed as before: were it read, the run would fail.
        Path cart = shop.root().resolve("contracts/shop/cart/cart.schema.json");
        rewriteKeepingTime(cart, "{".repeat((int) Files.size(cart)));
        second.execute();

        List<String> told = logged(first, "info");
        assertEquals(List.of("no table for shop/events/shipped: an event: the aspect ends in 'ed' and there is no id"
                + " property", "Nothing to generate: 0 migration(s) written, 2 table(s) already covered,"
                + " 1 contract(s) not persistent"), told);
        assertEquals(List.of(told.get(0), told.get(1) + UNCHANGED), logged(second, "info"));
        assertEquals(2, shop.migrationNames().size());
    }

    @Test
    void aPassOnCiIsNotToldAgainOffCiNorTheOtherWayRound(
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo onCi,
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo offCi,
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo onCiAgain) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, onCi, offCi, onCiAgain);
        setVariableValueToObject(onCi, "ci", "true");
        setVariableValueToObject(offCi, "ci", "false");
        setVariableValueToObject(onCiAgain, "ci", "true");

        onCi.execute();
        offCi.execute();
        onCiAgain.execute();

        List<String> onCiTold = List.of("no table for shop/events/shipped: an event: the aspect ends in 'ed' and there"
                + " is no id property", "On CI, nothing to generate: 2 table(s) covered, 1 contract(s) not persistent");
        assertEquals(onCiTold, logged(onCi, "info"));
        assertEquals("Nothing to generate: 0 migration(s) written, 2 table(s) already covered, 1 contract(s) not"
                + " persistent", logged(offCi, "info").get(logged(offCi, "info").size() - 1));
        assertEquals(onCiTold, logged(onCiAgain, "info"));
    }

    @Test
    void aContractAddedAfterAGenerationWithNothingMissingIsGenerated(
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo first,
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo second,
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo one) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, first, second, one);
        setVariableValueToObject(one, "contract", shop.root().resolve("contracts/shop/cart/cart.schema.json").toFile());

        first.execute();
        assertTrue(Files.exists(shop.root().resolve("target/atdd/generate-migrations.stamp")));
        // A run for one contract by name tells its own outcome, and stamps nothing.
        one.execute();
        assertFalse(logged(one, "info").get(0).endsWith(UNCHANGED), logged(one, "info").toString());
        shop.write("contracts/shop/order/line.schema.json", "{\"properties\": {\"id\": {\"type\": \"string\"}}}");
        second.execute();

        assertEquals(3, shop.migrationNames().size(), shop.migrationNames().toString());
        assertFalse(Files.exists(shop.root().resolve("target/atdd/generate-migrations.stamp")));
    }

    @Test
    void theTemplatesEnterAGenerationsStampByTheirContent(
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = passingShop();
        shop.pointAt(mojo);
        shop.write("templates/jsonb.sql.ftl", "CREATE TABLE ${table} (id TEXT);\n");
        Path template = shop.root().resolve("templates/jsonb.sql.ftl");
        setVariableValueToObject(mojo, "templateDirectory", template.getParent().toFile());
        Object before = mojo.outcomeSettings(mojo.settings()).get("templateDirectory");
        rewriteKeepingTime(template, "CREATE TABLE ${table} (id INT);\n");

        assertNotEquals(before, mojo.outcomeSettings(mojo.settings()).get("templateDirectory"));
    }

    @Test
    void theTemplatesOfALinkedFolderEnterTheStampWhateverTheirEncoding(
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = passingShop();
        shop.pointAt(mojo);
        Path shared = Files.createDirectories(shop.root().resolve("shared"));
        // A Latin-1 byte first: FreeMarker reads it; it must not hide the templates after it.
        Files.write(shared.resolve("cache.sql.ftl"), new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});
        Files.writeString(shared.resolve("jsonb.sql.ftl"), "CREATE TABLE ${table} (id TEXT);\n");
        Path link = Files.createSymbolicLink(shop.root().resolve("templates"), shared);
        setVariableValueToObject(mojo, "templateDirectory", link.toFile());
        Object first = mojo.outcomeSettings(mojo.settings()).get("templateDirectory");

        rewriteKeepingTime(shared.resolve("jsonb.sql.ftl"), "CREATE TABLE ${table} (id INT);\n");
        Object edited = mojo.outcomeSettings(mojo.settings()).get("templateDirectory");
        Files.delete(shared.resolve("cache.sql.ftl"));
        Object withoutCache = mojo.outcomeSettings(mojo.settings()).get("templateDirectory");

        assertNotEquals(first, edited);
        assertNotEquals(edited, withoutCache);
    }

    @Test
    void aTemplateFolderTheRunRefusesFailsBeforeTheStampIsLookedAt(
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo first,
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo second) throws Exception {
        ProjectCopy shop = passingShop().settle();
        inBuildsOfTheirOwn(shop, first, second);
        Path templates = Files.createDirectories(shop.root().resolve("templates"));
        setVariableValueToObject(first, "templateDirectory", templates.toFile());
        setVariableValueToObject(second, "templateDirectory", templates.toFile());

        first.execute();
        assertTrue(Files.exists(shop.root().resolve("target/atdd/generate-migrations.stamp")));
        // A folder named like a template: the run fails on it, the stamp of the pass notwithstanding.
        Files.createDirectory(templates.resolve("relational.sql.ftl"));

        MojoFailureException failure = assertThrows(MojoFailureException.class, second::execute);
        assertTrue(failure.getMessage().contains("relational.sql.ftl: not a file"), failure.getMessage());
    }

    @Test
    void everyJarOfThePluginsClassRealmEntersTheStamp() throws Exception {
        Path plugin = Files.writeString(work.resolve("plugin.jar"), "plugin");
        Path library = Files.writeString(work.resolve("library.jar"), "library 1");
        URL[] realm = {plugin.toUri().toURL(), library.toUri().toURL()};
        String before;
        try (URLClassLoader loader = new URLClassLoader(realm, null)) {
            before = AbstractAtddMojo.jarsAsListed(loader, null).orElseThrow();
        }
        // Another version of a library the team declares among the plugin's dependencies.
        FileTime time = Files.getLastModifiedTime(library);
        Files.writeString(library, "library 2");
        Files.setLastModifiedTime(library, FileTime.fromMillis(time.toMillis() + 1000));

        try (URLClassLoader loader = new URLClassLoader(realm, null)) {
            assertNotEquals(before, AbstractAtddMojo.jarsAsListed(loader, null).orElseThrow());
        }
    }

    @Test
    void theDatabaseLibrariesAnEarlierGoalFetchedIntoTheRealmDoNotEnterTheStamp() throws Exception {
        // Whether they are there depends on whether an earlier module of the build started a database.
        Path plugin = Files.writeString(work.resolve("plugin.jar"), "plugin");
        Path driver = Files.writeString(work.resolve("postgresql.jar"), "driver");
        ClassRealm realm = new ClassRealm(new ClassWorld(), "plugin", null);
        realm.addURL(plugin.toUri().toURL());
        String before = AbstractAtddMojo.jarsAsListed(realm, null).orElseThrow();

        DatabaseLibraries.add(realm, driver.toUri().toURL());

        assertEquals(2, realm.getURLs().length);
        assertEquals(before, AbstractAtddMojo.jarsAsListed(realm, null).orElseThrow());
    }

    @Test
    void outsideAClassRealmThePluginsOwnLocationEntersTheStampAndWithoutOneNothingIsStamped() throws Exception {
        Path classes = Files.createDirectory(work.resolve("classes"));
        ClassLoader notARealm = ClassLoader.getPlatformClassLoader();

        assertTrue(AbstractAtddMojo.jarsAsListed(notARealm, classes.toUri().toURL()).orElseThrow()
                .contains(classes.toString()));
        assertEquals(Optional.empty(), AbstractAtddMojo.jarsAsListed(notARealm, null));
    }

    /** The shop project with the order table added: check-coverage and check-todos pass on it. */
    @Test
    void verifyMigrationsWithNoMigrationAndNoTableStartsNoDatabaseAndSaysSoOnce(
            @InjectMojo(goal = "verify-migrations", pom = SHOP) VerifyMigrationsMojo first,
            @InjectMojo(goal = "verify-migrations", pom = SHOP) VerifyMigrationsMojo second) throws Exception {
        // A module without contracts or migrations (a parent pom, say): nothing a database could show.
        ProjectCopy module = ProjectCopy.ofTestProject("shop", work);
        for (String folder : List.of("contracts", "supabase")) {
            try (Stream<Path> files = Files.walk(module.root().resolve(folder))) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        inBuildsOfTheirOwn(module, first, second);

        first.execute();
        second.execute();

        String nothing = "No migration in supabase/migrations and no table to check: no database started.";
        assertEquals(List.of(nothing), logged(first, "info"));
        assertTrue(module.read("target/atdd/verify-migrations.json").contains("\"passed\" : true"));
        assertEquals(List.of(nothing + UNCHANGED), logged(second, "info"));
    }

    private ProjectCopy passingShop() throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        shop.write("supabase/migrations/20250102000000_shop_order_order.sql", ORDER_TABLE);
        return shop;
    }

    /** Each goal in a build of its own (a plugin context of its own), with a log of its own. */
    private static void inBuildsOfTheirOwn(ProjectCopy project, AbstractAtddMojo... goals)
            throws IllegalAccessException {
        for (AbstractAtddMojo goal : goals) {
            project.pointAt(goal).setPluginContext(new HashMap<>());
            goal.setLog(spy(new DefaultLog(new ConsoleLogger(Logger.LEVEL_DISABLED, "atdd"))));
        }
    }
}
