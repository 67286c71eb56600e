package dev.atdd.core.render;

import dev.atdd.core.infrastructure.InfrastructureTable;
import dev.atdd.core.infrastructure.InfrastructureTable.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTemplatesTest {

    private static final InfrastructureTableModel CACHE = InfrastructureTableModel.of(new InfrastructureTable("card", Kind.CACHE), RenderFixtures.GENERATED_AT, false);

    @TempDir
    Path directory;

    @Test
    void anOverrideReplacesOnlyItsOwnShape() throws IOException {
        write("cache.sql.ftl", "-- custom ${comment(model.table)}\nCREATE TABLE ${ident(model.table)} ();\n");
        SqlTemplates templates = SqlTemplates.withOverrides(directory);

        assertEquals("-- custom card_cache\nCREATE TABLE card_cache ();\n", templates.render(TableShape.CACHE, CACHE));
        InfrastructureTableModel queue = InfrastructureTableModel.of(new InfrastructureTable("background", Kind.QUEUE), RenderFixtures.GENERATED_AT, true);
        assertEquals(SqlTemplates.builtIn().render(TableShape.QUEUE, queue), templates.render(TableShape.QUEUE, queue));
    }

    @Test
    void anOverrideMayBeALinkToATemplateKeptElsewhere(@TempDir Path shared) throws IOException {
        Path kept = Files.writeString(shared.resolve("team-cache.sql.ftl"), "CREATE TABLE ${ident(model.table)} ();\n");
        Files.createSymbolicLink(directory.resolve("cache.sql.ftl"), kept);

        assertEquals("CREATE TABLE card_cache ();\n", SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
    }

    @Test
    void refusesRawTextNamingTheUserTemplateLineAndColumn() throws IOException {
        write("cache.sql.ftl", "-- ok\nCREATE TABLE ${model.table} ();\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));

        Problem problem = e.problems().get(0);
        assertEquals(directory.toAbsolutePath().resolve("cache.sql.ftl"), problem.file());
        assertEquals(2, problem.line());
        assertEquals(14, problem.column());
        assertTrue(problem.message().contains(SqlOutputFormat.REFUSAL), problem.message());
    }

    @Test
    void aMissingValueNamesTheExpressionAndKeepsOnlyTheShortTip() throws IOException {
        assertEquals("cache.sql.ftl:3:5: The following has evaluated to null or missing:\n"
                + "==> model.tabel\n"
                + "Tip: It's the step after the last dot that caused this error, not those before it.",
                renderingFailure("-- one\n-- two\n  ${model.tabel}\n"));
    }

    @Test
    void aMissingValueGivenToAFunctionNamesTheExpression() throws IOException {
        assertEquals("cache.sql.ftl:2:14: ident() takes a string, got null\n==> ${ident(model.tabel)}",
                renderingFailure("-- x\nCREATE TABLE ${ident(model.tabel)} ();\n"));
        assertEquals("cache.sql.ftl:2:3: literal() takes a string, got Boolean\n==> ${literal(model.rowLevelSecurity)}",
                renderingFailure("<#list [1] as i>\n  ${literal(model.rowLevelSecurity)}\n</#list>\n"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheExpressionWithoutFreeMarkersInternals() throws IOException {
        assertEquals("cache.sql.ftl:1:6: For \"#if\" condition: Expected a boolean, but this has evaluated to a string:\n"
                + "==> model.table", renderingFailure("<#if model.table>x</#if>"));
    }

    @Test
    void aMissingIncludeIsNamedWithoutFreeMarkersTemplateLoaders() throws IOException {
        assertEquals("cache.sql.ftl:1:1: Template inclusion failed (for parameter value \"macros.ftl\"):\n"
                + "Template not found for name \"macros.ftl\".\n==> #include \"macros.ftl\"",
                renderingFailure("<#include \"macros.ftl\">"));
    }

    @Test
    void writesIntegerNumeralsAsTheyAre() throws IOException {
        write("cache.sql.ftl", "VARCHAR(${model.table?length?c}) ${model.table?length}");

        assertEquals("VARCHAR(10) 10", SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${1.5?c}", "${(-1)?c}", "${true?c}", "${'x'}", "${model.rowLevelSecurity?c}"})
    void refusesEveryOtherPlainText(String interpolation) throws IOException {
        write("cache.sql.ftl", interpolation);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
        assertTrue(e.getMessage().contains(SqlOutputFormat.REFUSAL), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${model.table?no_esc}",
        "<#noautoesc>${model.table}</#noautoesc>",
        "<#outputformat 'plainText'>${model.table}</#outputformat>",
        "<#ftl output_format='plainText'>${model.table}",
        "<#ftl auto_esc=false>${model.table}",
    })
    void cannotSwitchTheRefusalOff(String template) throws IOException {
        write("cache.sql.ftl", template);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
        assertFalse(e.problems().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${'freemarker.template.utility.Execute'?new()('id')}",
        "${model?api.hashCode()?c}",
        "${keyword('TEXT; DROP TABLE x')}",
        "${ident(''?left_pad(64, 'n'))}",
        "${literal(model)}",
        "${constant('1; DROP TABLE x')}",
        "${constant('1.')}",
        "${constant('TRUE')}",
    })
    void exposesNothingBeyondTheFiveFunctions(String template) throws IOException {
        write("cache.sql.ftl", template);

        assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
    }

    @Test
    void keywordAcceptsEnumConstantsAndFixedKeywords() throws IOException {
        write("cache.sql.ftl", "${keyword(model.shape)} ${keyword('DOUBLE PRECISION')}");

        assertEquals("CACHE DOUBLE PRECISION", SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
    }

    @Test
    void constantWritesNumbersAndBooleansBare() throws IOException {
        write("cache.sql.ftl", "${constant('-12')} ${constant('1.50')} ${constant('1E-7')} ${constant('false')}");

        assertEquals("-12 1.50 1E-7 false", SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
    }

    @Test
    void reportsABrokenTemplateWithFileLineAndColumnWhenLoaded() throws IOException {
        write("queue.sql.ftl", "-- one\n-- two\n  <#iff model.rowLevelSecurity>\n");
        write("cache.sql.ftl", "<#list>");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlTemplates.withOverrides(directory));

        List<String> described = e.problems().stream().map(p -> p.describe(directory.toAbsolutePath())).toList();
        assertEquals(2, described.size(), described.toString());
        assertTrue(described.get(0).startsWith("cache.sql.ftl:1:"), described.get(0));
        assertTrue(described.get(1).startsWith("queue.sql.ftl:3:4: Unknown directive: #iff"), described.get(1));
    }

    @Test
    void reportsAMisspeltTemplateName() throws IOException {
        write("jsnob.sql.ftl", "");
        write("macros.ftl", "");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlTemplates.withOverrides(directory));

        assertEquals(1, e.problems().size());
        assertEquals(directory.toAbsolutePath().resolve("jsnob.sql.ftl"), e.problems().get(0).file());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonb.ftl", "jsonb.sq.ftl", "jsonb.sql.ftl.txt", "JSONB.sql", "jsonb"})
    void refusesANearMissOfATemplateNameThatWouldLeaveTheBuiltInOneInUse(String name) throws IOException {
        write(name, "CREATE TABLE ${ident(model.table)} ();\n");
        write("contract.ftl", "");
        write("macros.ftl", "");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TemplateOverrides.read(directory));

        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(directory.toAbsolutePath().resolve(name), e.problems().get(0).file());
        assertEquals("not the name of a table template, so the built-in jsonb.sql.ftl would be used; to replace it,"
                + " name the file jsonb.sql.ftl (a file your templates include needs a name of its own)",
                e.problems().get(0).message());
    }

    @Test
    void aNearMissBesideTheTemplateItselfIsNoTemplateLeftUnused() throws IOException {
        write("jsonb.sql.ftl", "<#include 'jsonb.ftl'>CREATE TABLE ${ident(model.table)} ();\n");
        write("jsonb.ftl", "");
        write("jsonb.sql.ftl.bak", "");
        write("contract.ftl", "");

        assertEquals(directory.toAbsolutePath().resolve("jsonb.sql.ftl"),
                TemplateOverrides.read(directory).file(TableShape.JSONB).orElseThrow());
    }

    @Test
    void reportsAMissingDirectory() {
        Path missing = directory.resolve("nowhere");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlTemplates.withOverrides(missing));

        assertEquals(missing.toAbsolutePath(), e.problems().get(0).file());
    }

    @Test
    void writesLineFeedsWhateverTheTemplateUses() throws IOException {
        write("cache.sql.ftl", "<#include 'header.ftl'>\r\nCREATE TABLE ${ident(model.table)} ();\r\n");
        write("header.ftl", "-- header\r");

        assertEquals("-- header\nCREATE TABLE card_cache ();\n",
                SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));
    }

    @Test
    void anErrorInAnIncludedFileNamesTheUsersFile() throws IOException {
        write("cache.sql.ftl", "<#include 'parts/header.ftl'>\nCREATE TABLE ${ident(model.table)} ();\n");
        Files.createDirectories(directory.resolve("parts"));
        write("parts/header.ftl", "-- header\n-- ${model.table}\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE));

        Problem problem = e.problems().get(0);
        assertEquals(directory.toAbsolutePath().resolve("parts/header.ftl"), problem.file());
        assertEquals(2, problem.line());
        assertEquals(4, problem.column());
    }

    @Test
    void rendersConcurrently() throws Exception {
        SqlTemplates templates = SqlTemplates.builtIn();
        String expected = templates.render(TableShape.CACHE, CACHE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = pool.invokeAll(java.util.Collections.nCopies(64,
                    () -> templates.render(TableShape.CACHE, CACHE)));
            for (Future<String> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theUsersTemplatesAreParsedFromWhatWasReadAndTheirIncludesFromTheFolder() throws IOException {
        write("cache.sql.ftl", "<#include 'header.ftl'>CREATE TABLE ${ident(model.table)} ();\n");
        write("header.ftl", "-- header\n");
        TemplateOverrides overrides = TemplateOverrides.read(directory);
        // Rewritten after the read: the template is not read again; the file it includes is read when rendering.
        write("cache.sql.ftl", "-- rewritten\n");
        write("header.ftl", "-- header, rewritten\n");

        assertEquals("-- header, rewritten\nCREATE TABLE card_cache ();\n",
                SqlTemplates.withOverrides(overrides).render(TableShape.CACHE, CACHE));
        assertEquals(directory.resolve("cache.sql.ftl"), overrides.file(TableShape.CACHE).orElseThrow());
        assertEquals(Optional.empty(), overrides.file(TableShape.QUEUE));
        assertSame(SqlTemplates.builtIn(), SqlTemplates.withOverrides(TemplateOverrides.none()));
    }

    /** The problem rendering the cache table with {@code template} as the user's, as the build shows it. */
    private String renderingFailure(String template) throws IOException {
        write("cache.sql.ftl", template);
        return assertThrows(InvalidInputException.class,
                () -> SqlTemplates.withOverrides(directory).render(TableShape.CACHE, CACHE))
                .describe(directory.toAbsolutePath());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(directory.resolve(name), text);
    }
}
