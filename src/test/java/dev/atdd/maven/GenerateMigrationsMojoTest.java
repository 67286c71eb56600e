package dev.atdd.maven;

import static dev.atdd.maven.ProjectCopy.logged;
import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class GenerateMigrationsMojoTest {

    private static final String HAND_WRITTEN = "20250101120000_match_session_state.sql";
    private static final String REVIEW_HINT = "Relational migrations hold ⚠️ TODO lines: review them before"
            + " `supabase db push`; atdd:check-todos fails the build until they are resolved.";

    @TempDir
    Path work;

    @Test
    @Basedir("src/test/projects/shop")
    void theFoldersDefaultToTheProjectsContractsAndSupabaseMigrations(
            @InjectMojo(goal = "generate-migrations") GenerateMigrationsMojo mojo) throws Exception {
        File base = new File("src/test/projects/shop").getAbsoluteFile();

        assertEquals(base, getVariableValueFromObject(mojo, "basedir"));
        assertEquals(new File(base, "contracts"), getVariableValueFromObject(mojo, "contractsDirectory"));
        assertEquals(new File(base, "supabase/migrations"), getVariableValueFromObject(mojo, "migrationsDirectory"));
        assertEquals("jsonb", getVariableValueFromObject(mojo, "defaultStrategy"));
        assertEquals("true", getVariableValueFromObject(mojo, "enableRowLevelSecurity"));
        assertEquals("false", getVariableValueFromObject(mojo, "skip"));
        assertNull(getVariableValueFromObject(mojo, "contract"));
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    void theExampleGetsOneMigrationPerMissingTableAndASecondRunWritesNothing(GenerateMigrationsMojo mojo)
            throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);
        String handWritten = quiz.read("supabase/migrations/" + HAND_WRITTEN);

        quiz.pointAt(mojo).execute();

        List<String> first = quiz.migrationNames();
        assertEquals(List.of("background_jobs", "commons_ux_foundations", "match_dilemma_current", "match_events",
                "match_session_state", "player_profile_profile"), tables(first));
        assertTrue(first.stream().allMatch(name -> name.matches("\\d{14}_[a-z0-9_]+\\.sql")), first.toString());
        assertEquals(first.size(), first.stream().map(name -> name.substring(0, 14)).distinct().count(),
                "one version per file: " + first);
        assertTrue(first.stream().filter(name -> !name.equals(HAND_WRITTEN))
                .allMatch(name -> name.compareTo(HAND_WRITTEN) > 0), "new versions come after the newest: " + first);
        assertEquals(handWritten, quiz.read("supabase/migrations/" + HAND_WRITTEN));
        assertTrue(logged(mojo, "info").stream().anyMatch(line -> line.startsWith("wrote supabase/migrations/")
                && line.endsWith("_match_dilemma_current.sql  <- match/dilemma/current (jsonb)")), logged(mojo, "info").toString());
        assertTrue(logged(mojo, "info").contains("5 migration(s) written, 1 table(s) already covered,"
                + " 3 contract(s) not persistent"), logged(mojo, "info").toString());

        Map<String, String> written = contents(quiz, first);
        mojo.execute();

        assertEquals(first, quiz.migrationNames());
        assertEquals(written, contents(quiz, first));
        assertTrue(logged(mojo, "info").contains("Nothing to generate: 0 migration(s) written, 6 table(s) already"
                + " covered, 3 contract(s) not persistent"), logged(mojo, "info").toString());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/shop/pom.xml")
    void aContractAGuessTakesForAnEventThoughItIsForOutsideIsToldHowToGetItsTable(GenerateMigrationsMojo mojo)
            throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        Path feed = shop.root().resolve("contracts/content/news/feed.schema.json");
        Files.createDirectories(feed.getParent());
        Files.writeString(feed, """
                {"x-artifact-metadata": {"to": "external"}, "properties": {"slug": {"type": "string"}}}
                """);

        shop.pointAt(mojo).execute();

        assertTrue(logged(mojo, "info").contains("no table for content/news/feed: an event: the aspect ends in 'ed'"
                + " and there is no id property (though x-artifact-metadata.to is external, and it has properties:"
                + " if it is data to keep, set its x-artifact-metadata.persistence.strategy to jsonb or relational)"),
                logged(mojo, "info").toString());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipWritesNothing(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);

        quiz.pointAt(mojo).execute();

        assertEquals(List.of(HAND_WRITTEN), quiz.migrationNames());
        assertEquals(List.of("atdd: skipped (atdd.skip)"), logged(mojo, "info"));
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    @MojoParameter(name = "ci", value = "true")
    void onCiAMissingMigrationFailsTheBuildAndNothingIsWritten(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> quiz.pointAt(mojo).execute());

        assertEquals(List.of(HAND_WRITTEN), quiz.migrationNames());
        assertTrue(failure.getMessage().startsWith("On CI (atdd.ci) generate-migrations writes no migration: one"
                + " written here would never be committed, and the build would pass without it. See to the tables"
                + " below where you work, and commit their migrations.\n3 persistent contracts and 2 infrastructure"
                + " tables of the build have no table:\n"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("\n  match/dilemma/current → table: match_dilemma_current\n"),
                failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    void onCiNothingMissingPassesAndWritesNothing(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);
        quiz.pointAt(mojo).execute();
        List<String> committed = quiz.migrationNames();
        setVariableValueToObject(mojo, "ci", "TRUE");

        mojo.execute();

        assertEquals(committed, quiz.migrationNames());
        assertTrue(logged(mojo, "info").contains("On CI, nothing to generate: 6 table(s) covered, 3 contract(s) not"
                + " persistent"), logged(mojo, "info").toString());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    @MojoParameter(name = "writeValidContracts", value = "true")
    void contractsLeftOutAreListedUnderAHeadingApartFromTheWarnings(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);
        quiz.write("contracts/shop/order/broken.schema.json", "{\"properties\": ");
        quiz.write("contracts/shop/order/typo.schema.json",
                "{\"required\": [\"idd\"], \"properties\": {\"id\": {\"type\": \"string\"}}}");

        quiz.pointAt(mojo).execute();

        List<String> warned = logged(mojo, "warn");
        assertEquals(List.of("contracts/shop/order/typo.schema.json:1:15: /required/0: \"idd\" is required but is not"
                        + " in properties (did you mean id?)",
                "1 problem(s) left their contracts out (atdd.writeValidContracts); the valid ones were generated:",
                "  contracts/shop/order/broken.schema.json:1:16: invalid JSON: the file ends before the object"
                        + " opened at 1:1 is closed"),
                warned.subList(warned.size() - 3, warned.size()));
        assertTrue(tables(quiz.migrationNames()).contains("shop_order_typo"), quiz.migrationNames().toString());
    }

    @Test
    @InjectMojo(goal = "generate-migrations")
    @MojoParameter(name = "infrastructureTables", value = "match:event-log,jobs:queue")
    void infrastructureTablesCanBeGivenAsNameColonKindText(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        shop.pointAt(mojo).execute();

        assertEquals(List.of("jobs_jobs", "match_events", "shop_cart_cart", "shop_order_order"),
                tables(shop.migrationNames()));
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/parent-managed/pom.xml")
    @MojoParameter(name = "infrastructureTables", value = "match:event-log")
    void aParentPomThatOnlyManagesThePluginWritesNothingWhenTheGoalIsRunOnItFromTheCommandLine(
            GenerateMigrationsMojo mojo) throws Exception {
        // `mvn atdd:generate-migrations` at the root runs the goal on the parent too, with the managed
        // configuration: there a migrationsDirectory of ${project.basedir}/../supabase/migrations lies outside.
        ProjectCopy parent = ProjectCopy.ofTestProject("parent-managed", work);
        parent.pointAt(mojo);
        setVariableValueToObject(mojo, "modules", List.of("schema"));
        setVariableValueToObject(mojo, "buildPlugins", List.of());

        mojo.execute();

        assertEquals(List.of(), parent.migrationNames());
        assertEquals(List.of("atdd: skipped in this parent pom, whose <plugins> do not list the atdd plugin"
                + " (it is in <pluginManagement> only): its modules run it"), logged(mojo, "info"));
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/broken-contract/pom.xml")
    void aBrokenContractFailsWithItsProjectPathLineAndColumnAndWritesNothing(GenerateMigrationsMojo mojo)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("broken-contract", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> project.pointAt(mojo).execute());

        String message = failure.getMessage();
        assertTrue(message.startsWith("contracts/shop/order/order.schema.json:4:3: invalid JSON"), message);
        assertFalse(message.contains("\tat ") || message.contains("Exception"), message);
        assertNull(failure.getCause());
        assertEquals(List.of(), project.migrationNames());
    }

    @Test
    @InjectMojo(goal = "generate-migrations")
    @MojoParameter(name = "enableRowLevelSecurity", value = "ture")
    void aTypoInATrueOrFalseParameterFailsRatherThanMeaningFalse(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        List<String> before = shop.migrationNames();

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> shop.pointAt(mojo).execute());

        assertEquals("enableRowLevelSecurity must be true or false, found \"ture\"", failure.getMessage());
        assertEquals(before, shop.migrationNames());
    }

    @Test
    @InjectMojo(goal = "generate-migrations")
    @MojoParameter(name = "enableRowLevelSecurity", value = " FALSE ")
    void trueOrFalseParametersIgnoreCaseAndSpaces(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        shop.pointAt(mojo).execute();

        String order = shop.read("supabase/migrations/" + shop.migrationNames().stream()
                .filter(name -> name.endsWith("_shop_order_order.sql")).findFirst().orElseThrow());
        assertFalse(order.contains("ENABLE ROW LEVEL SECURITY"), order);
    }

    @Test
    @InjectMojo(goal = "generate-migrations")
    @MojoParameter(name = "defaultStrategy", value = "blob")
    void anUnknownDefaultStrategyFailsNamingTheValue(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> shop.pointAt(mojo).execute());

        assertEquals("defaultStrategy must be jsonb or relational, found \"blob\"", failure.getMessage());
        assertEquals(List.of("20250101000000_shop_cart_cart.sql"), shop.migrationNames());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "infrastructureTables", value = "my-app:event-log")
    void anInfrastructureTableNameIsCheckedInWords(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> shop.pointAt(mojo).execute());

        assertEquals("infrastructure table <name>: \"my-app\" is not a table name: use lower-case letters, digits"
                + " and _, starting with a letter", failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/bad-infrastructure/pom.xml")
    void anInfrastructureTableOfAnUnknownKindFailsNamingTheTableAndTheKinds(GenerateMigrationsMojo mojo)
            throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("bad-infrastructure", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class,
                () -> project.pointAt(mojo).execute());

        assertEquals("infrastructure table \"match\": <kind> must be event-log, cache or queue, found \"ledger\"",
                failure.getMessage());
        assertEquals(List.of(), project.migrationNames());
    }

    @Test
    @InjectMojo(goal = "generate-migrations")
    @MojoParameter(name = "infrastructureTables", value = "match:event-log,email")
    void anInfrastructureTableGivenAsTextWithoutKindIsToldInThatForm(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> shop.pointAt(mojo).execute());

        assertEquals("infrastructure table \"email\": its kind must be event-log, cache or queue, found \"\""
                + " (name:kind, as email:queue)", failure.getMessage());
    }

    @Test
    void anInfrastructureTableGivenAsTextWithoutNameIsToldInThatForm() {
        // As Maven makes it from the text form (the test above goes through Maven).
        InfrastructureTable table = new InfrastructureTable();
        table.set(":queue");

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, table::toCore);

        assertEquals("an infrastructure table needs a name (name:kind, as jobs:queue), found \":queue\"",
                failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    void oneContractGeneratesOnlyItsOwnTable(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);
        quiz.pointAt(mojo);
        setVariableValueToObject(mojo, "contract",
                quiz.root().resolve("contracts/match/dilemma/current.schema.json").toFile());

        mojo.execute();

        assertEquals(List.of("match_dilemma_current", "match_session_state"), tables(quiz.migrationNames()));
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    @MojoParameter(name = "ci", value = "true")
    void oneContractOnCiIsARunByHandThatWritesAndSaysToCommit(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);
        quiz.pointAt(mojo);
        setVariableValueToObject(mojo, "contract",
                quiz.root().resolve("contracts/match/dilemma/current.schema.json").toFile());

        mojo.execute();

        assertEquals(List.of("match_dilemma_current", "match_session_state"), tables(quiz.migrationNames()));
        assertEquals(List.of("Written on CI, as a run for one contract is a run by hand: this build commits nothing,"
                + " so commit the migration above, or a fresh checkout still lacks it."), logged(mojo, "warn"));
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    void oneContractIsPlannedWithEveryContractAndToldOnlyItsOwnWarnings(GenerateMigrationsMojo mojo)
            throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);
        quiz.pointAt(mojo);
        // Copied with its $id, the original and its table still there; and a broken contract elsewhere.
        quiz.write("contracts/match/dilemma/next.schema.json", quiz.read("contracts/match/session/state.schema.json"));
        quiz.write("contracts/broken/shape/array.schema.json", "[]");
        setVariableValueToObject(mojo, "contract",
                quiz.root().resolve("contracts/match/dilemma/next.schema.json").toFile());

        mojo.execute();

        assertEquals(List.of("match_dilemma_next", "match_session_state"), tables(quiz.migrationNames()));
        assertEquals(List.of("contracts/match/dilemma/next.schema.json:3:10: /$id: match:session:state, but the"
                + " file lies in match/dilemma/, where the $id would be match:dilemma:next; the table of that $id,"
                + " match_session_state, is the one of contract match/session/state: set $id to match:dilemma:next"),
                logged(mojo, "warn"));
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    void aContractGivenRelativeToTheContractsFolderIsCorrected(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);
        quiz.pointAt(mojo);
        // -Datdd.contract=match/dilemma/current.schema.json: Maven reads it relative to the module.
        setVariableValueToObject(mojo, "contract", quiz.root().resolve("match/dilemma/current.schema.json").toFile());

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("match/dilemma/current.schema.json: no such contract file; did you mean"
                + " contracts/match/dilemma/current.schema.json?", failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "examples/quiz-game/pom.xml")
    void aRelationalMigrationWrittenIsFollowedByTheReviewHint(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy quiz = ProjectCopy.of(ProjectCopy.QUIZ_GAME, work);

        quiz.pointAt(mojo).execute();

        assertTrue(tables(quiz.migrationNames()).contains("player_profile_profile"), quiz.migrationNames().toString());
        assertEquals(List.of(REVIEW_HINT), logged(mojo, "info").stream().filter(REVIEW_HINT::equals).toList());
    }

    @Test
    @InjectMojo(goal = "generate-migrations", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "infrastructureTables", value = "match:event-log")
    void migrationsWithoutARelationalOneGetNoReviewHint(GenerateMigrationsMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        shop.pointAt(mojo).execute();

        assertEquals(List.of("match_events", "shop_cart_cart", "shop_order_order"), tables(shop.migrationNames()));
        assertFalse(logged(mojo, "info").contains(REVIEW_HINT), logged(mojo, "info").toString());
    }

    /** {@code 20250101120000_match_events.sql} → {@code match_events}, sorted. */
    private static List<String> tables(List<String> migrationNames) {
        return migrationNames.stream().map(name -> name.replaceFirst("^\\d{14}_", "").replaceFirst("\\.sql$", ""))
                .sorted().toList();
    }

    private static Map<String, String> contents(ProjectCopy project, List<String> names) throws Exception {
        Map<String, String> contents = new HashMap<>();
        for (String name : names) {
            contents.put(name, Files.readString(project.migrations().resolve(name)));
        }
        return contents;
    }
}
