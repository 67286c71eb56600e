package dev.atdd.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A goal's stamp stands for a pass under its settings: every parameter of the goal, as the plugin's
 * descriptor lists it, either enters the stamp or is named here as one that cannot change what the
 * goal finds or says. A parameter added without that decision fails this test.
 */
@MojoTest
class StampSettingsTest {

    private static final String SHOP = "src/test/projects/shop/pom.xml";

    /**
     * The base directory and the report's path enter every stamp apart; a skipped check stamps nothing (the
     * plugins a parent pom lists tell whether it skips a goal named on the command line).
     */
    private static final Set<String> EVERY_CHECK = Set.of("basedir", "reportDirectory", "skip", "buildPlugins",
            "pluginDescriptor");

    @Test
    void everyParameterOfCheckCoverageEntersItsStampOrCannotChangeItsOutcome(
            @InjectMojo(goal = "check-coverage", pom = SHOP) CheckCoverageMojo mojo) throws Exception {
        assertEquals(descriptorParameters("check-coverage"), union(mojo.outcomeSettings(mojo.planParameters()).keySet(), EVERY_CHECK));
    }

    @Test
    void everyParameterOfCheckTodosEntersItsStampOrCannotChangeItsOutcome(
            @InjectMojo(goal = "check-todos", pom = SHOP) CheckTodosMojo mojo) throws Exception {
        // Shared by every goal of the plugin, these tell contracts and tables apart (modules, what to do where
        // there are no contracts); the TODO check reads neither.
        Set<String> contractsOnly = Set.of("contractsDirectory", "defaultStrategy", "existingTables",
                "infrastructureTables", "modules");
        assertEquals(descriptorParameters("check-todos"),
                union(mojo.outcomeSettings().keySet(), union(EVERY_CHECK, contractsOnly)));
    }

    @Test
    void everyParameterOfVerifyMigrationsEntersItsStampOrCannotChangeItsOutcome(
            @InjectMojo(goal = "verify-migrations", pom = SHOP) VerifyMigrationsMojo mojo) throws Exception {
        // A run on the user's server stamps nothing; the server libraries have fixed coordinates, wherever from.
        Set<String> noStamp = Set.of("jdbcUrl", "username", "password", "repositorySession", "pluginRepositories");
        assertEquals(descriptorParameters("verify-migrations"),
                union(mojo.outcomeSettings(mojo.settings()).keySet(), union(EVERY_CHECK, noStamp)));
    }

    @Test
    void everyParameterOfGenerateMigrationsEntersItsStampOrCannotChangeItsOutcome(
            @InjectMojo(goal = "generate-migrations", pom = SHOP) GenerateMigrationsMojo mojo) throws Exception {
        // A run for one contract is not stamped; the build directory holds the stamp.
        Set<String> noStamp = Set.of("basedir", "skip", "buildPlugins", "pluginDescriptor", "contract",
                "buildDirectory");
        assertEquals(descriptorParameters("generate-migrations"), union(mojo.outcomeSettings(mojo.settings()).keySet(),
                noStamp));
    }

    private static Set<String> union(Set<String> some, Set<String> more) {
        Set<String> all = new TreeSet<>(some);
        all.addAll(more);
        return all;
    }

    /** The goal's parameters in the descriptor Maven reads, as the plugin's build wrote it. */
    private static Set<String> descriptorParameters(String goal) throws Exception {
        try (InputStream in = StampSettingsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "the plugin descriptor (written by the build before the tests)");
            Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList mojos = descriptor.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                if (goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                    Set<String> names = new TreeSet<>();
                    NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                            .getElementsByTagName("parameter");
                    for (int j = 0; j < parameters.getLength(); j++) {
                        names.add(((Element) parameters.item(j)).getElementsByTagName("name").item(0).getTextContent());
                    }
                    return names;
                }
            }
        }
        throw new AssertionError("no goal " + goal + " in the plugin descriptor");
    }
}
