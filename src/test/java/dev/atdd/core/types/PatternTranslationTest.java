package dev.atdd.core.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.types.PatternTranslation.Translated;
import dev.atdd.core.types.PatternTranslation.Untranslatable;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatternTranslationTest {

    /** JavaScript's \s written out, as the translation emits it. */
    private static final String JS_SPACE =
            "\\t-\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
    /** JavaScript's dot: anything but a line terminator. */
    private static final String JS_DOT = "[^\\n\\r\\u2028\\u2029]";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
        "^[a-z][a-z0-9_]*$ -> ^[a-z][0-9_a-z]*$",
        // PostgreSQL refuses a '-' right after a range; the canonical class puts it first, escaped.
        "^[a-zA-Z0-9-_]+$ -> ^[\\-0-9A-Z_a-z]+$",
        "^\\d{4}-\\d{2}-\\d{2}$ -> ^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "^\\+?[1-9]\\d{1,14}$ -> ^\\+?[1-9][0-9]{1,14}$",
        "^https?:// -> ^https?://",
        "^#[0-9a-fA-F]{6}$ -> ^#[0-9A-Fa-f]{6}$",
        "^v\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?$ -> ^v[0-9]+\\.[0-9]+\\.[0-9]+(-[.0-9a-z]+)?$",
        "^(?:[a-z0-9]+(?:-[a-z0-9]+)*)$ -> ^(?:[0-9a-z]+(?:-[0-9a-z]+)*)$",
        "^[\\w.-]+$ -> ^[\\-.0-9A-Z_a-z]+$",
        "^\\w+$ -> ^[0-9A-Z_a-z]+$",
        "^\\W\\D$ -> ^[^0-9A-Z_a-z][^0-9]$",
        "^(foo|bar)$ -> ^(foo|bar)$",
        "a| -> a|",
        "^a+?b*?c??d{2,3}?$ -> ^a+b*c?d{2,3}$",
        "a{2,}b{0}c{255} -> a{2,}b{0}c{255}",
        "[\\]\\\\] -> [\\\\\\]]",
        "[*--] -> [*-\\-]",
        "[-a] -> [\\-a]",
        "[a^] -> [\\^a]",
        "[\\b] -> [\\u0008]",
        "café -> café",
        "\\x41\\u0042\\/\\-\\u00e9 -> AB/-é",
        "\\t\\n\\v\\f\\r -> \\t\\n\\v\\f\\r",
        "\\u2028\\u00a0 -> \\u2028\\u00a0",
        "a.b\\.c$ -> a[^\\n\\r\\u2028\\u2029]b\\.c$",
        "[.]*\\$\\(\\)\\[\\{\\}\\| -> [.]*\\$\\(\\)\\[\\{\\}\\|",
    })
    void translatesTheCheckedSubsetExactly(String pattern, String expected) {
        assertEquals(new Translated(expected), PatternTranslation.translate(pattern));
    }

    @Test
    void writesJavaScriptWhitespaceOutInsteadOfTheLocaleDependentClass() {
        assertEquals(new Translated("^[" + JS_SPACE + "]+[^" + JS_SPACE + "]$"),
                PatternTranslation.translate("^\\s+\\S$"));
        assertEquals(new Translated("^[^\\t-\\r @\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+$"),
                PatternTranslation.translate("^[^@\\s]+$"));
    }

    @Test
    void dotExcludesLineTerminatorsLikeJavaScript() {
        assertEquals(new Translated("^" + JS_DOT + "+$"), PatternTranslation.translate("^.+$"));
    }

    @Test
    void emptyPatternMatchesEverything() {
        assertEquals(new Translated(""), PatternTranslation.translate(""));
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
        "\\bword\\b -> word boundary \\b",
        "\\Bx -> word boundary \\B",
        "(a)\\1 -> backreference \\1",
        "(?<year>\\d{4}) -> named group",
        "\\k<year> -> named backreference \\k",
        "a(?=b) -> lookahead (?=",
        "a(?!b) -> lookahead (?!",
        "(?<=a)b -> lookbehind (?<=",
        "(?<!a)b -> lookbehind (?<!",
        "^\\p{L}+$ -> \\p{",
        "\\P{Lu} -> \\P{",
        "^.{1,256}$ -> above 255",
        "^a{1,1000}$ -> a count above 255 in {1,1000}",
        "a{300} -> above 255",
        "[^] -> [^]",
        "[] -> []",
        "\\cJ -> \\c",
        "\\0 -> NUL",
        "\\x00 -> NUL",
        "[\\u0000] -> NUL",
        "\\u{1F600} -> \\u{",
        "\\uD83D\\uDE00 -> surrogate",
        "[\\W] -> \\W inside a character class",
        "[\\d-z] -> end of a range",
        "\\z -> unknown escape \\z",
        "( -> missing )",
        "a) -> unmatched )",
        "*a -> nothing to repeat",
        "a** -> nothing to repeat",
        "a{2}{3} -> nothing to repeat",
        "^* -> quantifier after the anchor",
        "[a -> missing ]",
        "[z-a] -> out of order",
        "a{3,2} -> out of order",
        "a{ -> not a quantifier",
        "a{,5} -> not a quantifier",
        "a} -> unescaped }",
        "a] -> unescaped ]",
        "a\\ -> lone \\",
        "(?i)a -> unknown group",
    })
    void refusesWhatPostgresCannotSayTheSameWay(String pattern, String reasonMentions) {
        Untranslatable refused = assertInstanceOf(Untranslatable.class, PatternTranslation.translate(pattern));
        assertTrue(refused.reason().contains(reasonMentions), refused.reason());
    }

    @Test
    void refusesNulAndAstralCharacters() {
        assertTrue(reason("a\u0000b").contains("NUL"));
        assertTrue(reason("^😀+$").contains("Basic Multilingual Plane"));
    }

    private static String reason(String pattern) {
        return assertInstanceOf(Untranslatable.class, PatternTranslation.translate(pattern)).reason();
    }

    /**
     * java.util.regex reads both the original and the translation; where its semantics coincide with
     * JavaScript's (no \s, no \v, no trailing line terminator in the input) the answers must agree.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "^[a-zA-Z0-9-_]+$", "^\\d{4}-\\d{2}-\\d{2}$", "^\\+?[1-9]\\d{1,14}$", "^#[0-9a-fA-F]{6}$",
        "^v\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?$", "^[\\w.-]+$", "^\\W\\D$", "^(foo|bar)$", "a.b",
        "^a+?b*?c??$", "[\\]\\\\]", "[*--]", "[a^]+", "^[^a-c]*$", "(?:ab|c){2}",
    })
    void agreesWithJavaRegexOnSampleInputs(String pattern) {
        Translated translated = assertInstanceOf(Translated.class, PatternTranslation.translate(pattern));
        Pattern original = Pattern.compile(pattern);
        Pattern translation = Pattern.compile(translated.postgresRegex());
        for (String input : SAMPLES) {
            assertEquals(original.matcher(input).find(), translation.matcher(input).find(),
                    () -> pattern + " on " + input);
        }
    }

    private static final List<String> SAMPLES = List.of("", "a", "abc", "A-Z_9", "2024-01-31", "+4915112345678",
            "#a0B1c2", "#a0B1cg", "v1.2.3-rc.1", "v1.2", "é", "a\nb", "a\rb", "a\u2028b", "axb", "foo", "bar",
            "foobar", "-", ".", "_", "]", "\\", "*", "+", ",", "^", "a b", "123", "aaa", "abbb", "ababc", "dd",
            "x9", "!7", "cc");
}
