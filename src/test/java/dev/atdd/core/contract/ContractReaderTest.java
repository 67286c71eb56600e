package dev.atdd.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractReaderTest {

    @TempDir
    Path root;

    @Test
    void readsTheFieldsThePluginUses() {
        Path file = ContractFixtures.write(root, "commons/ux/themes/skin.schema.json", """
                {"$id": "commons:ux:skin", "title": "Skin", "description": "Colours", "version": "1.2.0",
                 "x-artifact-metadata": {"to": "external", "persistence": {"strategy": "relational",
                   "table": "skins", "migration": "supabase/migrations/x.sql",
                   "indexes": [{"name": "idx_skin_name", "type": "gin", "fields": ["name"]}, {"fields": ["a", "b"]}]}},
                 "properties": {"name": {"type": "string"}}}
                """);

        Contract contract = ContractReader.read(file, root);

        assertEquals(new ContractLocation("commons", "ux", "skin", "commons/ux/themes/skin.schema.json"),
                contract.location());
        assertEquals(Optional.of("commons:ux:skin"), contract.id());
        assertEquals(Optional.of("1.2.0"), contract.version());
        assertEquals(Optional.of(Audience.EXTERNAL), contract.audience());
        assertEquals(Optional.of(Strategy.RELATIONAL), contract.strategy());
        assertEquals(Optional.of("skins"), contract.explicitTable());
        assertEquals(2, contract.indexes().size());
        assertEquals(IndexSpec.IndexMethod.GIN, contract.indexes().get(0).method());
        assertEquals(IndexSpec.IndexMethod.BTREE, contract.indexes().get(1).method());
        assertEquals(List.of("a", "b"), contract.indexes().get(1).fields());
        assertTrue(contract.hasProperty("name"));
    }

    @Test
    void aMergeConflictLeftInAContractIsNamedAtItsMarker() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json",
                "{\n  \"$id\": \"a:b:c\",\n<<<<<<< HEAD\n  \"title\": \"C\",\n=======\n  \"title\": \"C v2\",\n>>>>>>> feature\n  \"type\": \"object\"\n}\n");

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals("a/b/c.schema.json:3:1: a git merge conflict marker (<<<<<<<): resolve the conflict, keep the lines"
                + " you mean and delete the markers", problem.describe(root));
    }

    @Test
    void aSyntaxErrorIsReportedWithLineAndColumn() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", "{\n  \"properties\": {\n    \"id\": 1,\n  }\n}\n");

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(4, problem.line());
        assertEquals(3, problem.column());
        assertTrue(problem.describe(root).startsWith("a/b/c.schema.json:4:3: invalid JSON: "), problem.describe(root));
    }

    @Test
    void aLoneSurrogateEscapeIsAnErrorWithItsPlace() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", "{\"title\": \"\\ud83d\\ude00 \\\\ud800\",\n"
                + " \"properties\": {\"e\": {\"enum\": [\"x\\udc00\"]}}}");

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(List.of(2, 34), List.of(problem.line(), problem.column()));
        assertEquals("the escape \\udc00 is half of a UTF-16 pair (a lone surrogate): no character, and no text"
                + " PostgreSQL can hold", problem.message());
    }

    @Test
    void aLoneSurrogateIsPlacedOnTheLineAnEditorShowsInAFileWithCarriageReturnsOnly() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", "{\r\"title\": \"t\",\r\r  \"x\": \"\\ud800\"}");

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(List.of(4, 9), List.of(problem.line(), problem.column()));
    }

    @Test
    void aLoneSurrogateAfterAByteOrderMarkIsPlacedAsWithoutIt() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", "\uFEFF{\"title\": \"\\ud800\"}");

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(List.of(1, 12), List.of(problem.line(), problem.column()));
    }

    @Test
    void aPairOfSurrogateEscapesAndAnEscapedBackslashAreText() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json",
                "{\"title\": \"\\ud83d\\ude00 \\\\ud800 \\\\\\u00e9\"}");

        assertEquals("\uD83D\uDE00 \\ud800 \\\u00e9", ContractReader.read(file, root).title().orElseThrow());
    }

    @Test
    void jacksonsAdviceOnParserFeaturesIsLeftOut() {
        Path deep = ContractFixtures.write(root, "a/b/deep.schema.json", "{\"a\":\n" + "[".repeat(1001));

        Problem nested = single(() -> ContractReader.read(deep, root));
        assertEquals(2, nested.line());
        assertTrue(nested.column() > 0);
        assertFalse(nested.message().contains("StreamReadConstraints"), nested.message());
    }

    /** Jackson's words name its own internals (sources, features, character codes); the reader says what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            unclosed object            | {\\n"a": 1                 | the file ends before the object opened at 1:1 is closed
            unclosed nested array      | {"a": [1, 2                | the file ends before the array opened at 1:7 is closed
            end between entries        | {"a": 1,                   | the file ends before the object opened at 1:1 is closed
            unclosed string            | {"a": "abc                 | the file ends inside a string: its closing quote is missing
            end inside an escape       | {"a": "\\u12             | the file ends inside an escape sequence
            wrong close marker         | {"a": [1}                  | '}' where ']' should close the array opened at 1:7
            nothing to close           | {"a": 1}}                  | '}' closes nothing: no object is open
            trailing comma in object   | {"a": 1,}                  | unexpected '}': expected a key in double quotes (no comma may come before '}')
            unquoted key               | {a: 1}                     | unexpected 'a': expected a key in double quotes
            missing colon              | {"a" 1}                    | unexpected '1': expected ':' after the key
            missing comma in object    | {"a": 1 "b": 2}            | unexpected '"': expected ',' or '}' after the value
            missing comma in array     | {"a": [1 2]}               | unexpected '2': expected ',' or ']' after the value
            trailing comma in array    | {"a": [1,]}                | unexpected ']': expected a value (no comma may come before ']')
            missing value              | {"a":}                     | unexpected '}': expected a value
            comment                    | {"a": /* x */ 1}           | unexpected '/': JSON has no comments
            no-break space             | {"a":\\u00a01}           | unexpected U+00A0: expected a value
            control character          | \\u0001                   | unexpected U+0001: only spaces, tabs and line breaks may come between values
            NUL character              | \\u0000                   | a NUL character (U+0000), as a file saved as UTF-16 holds: save it as UTF-8
            misspelled literal         | {"a": tru}                 | 'tru' is not a JSON value: expected a string, number, object, array, true, false or null
            NaN                        | {"a": NaN}                 | 'NaN' is not a JSON value: expected a string, number, object, array, true, false or null
            plus sign                  | {"a": +1}                  | unexpected '+' in a number: JSON spec does not allow numbers to have plus signs
            leading zero               | {"a": 01}                  | invalid number: leading zeroes not allowed
            raw line break in a string | {"a": "x\\ny"}           | control character U+000A inside a string: write it escaped, as \\u000A
            unknown escape             | {"a": "\\q"}             | unknown escape \\q: a string may hold \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits
            escaped line break         | {"a": "x\\\\ny"}         | unknown escape \\ before U+000A: a string may hold \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits
            duplicate key              | {"a": 1, "a": 2}           | the key "a" appears twice in one object
            trailing value             | {} {}                      | something follows the contract's object: a contract file holds one JSON object
            """)
    void aSyntaxErrorIsSaidInPlainWords(String what, String json, String expected) {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", json.replace("\\n", "\n")
                .replace("\\u00a0", "\u00a0")
                .replace("\\u0000", "\0")
                .replace("\\u0001", "\u0001"));

        assertEquals("invalid JSON: " + expected, single(() -> ContractReader.read(file, root)).message());
    }

    @Test
    void duplicateKeysAreAnError() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", "{\"title\": \"x\",\n \"title\": \"y\"}");

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("title"), problem.message());
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorWithTheirPlace() {
        byte[] bytes = {'{', '\n', '"', 't', '"', ':', '"', (byte) 0xE9, '"', '}'};
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", bytes);

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(2, problem.line());
        assertEquals(6, problem.column());
        assertTrue(problem.message().contains("UTF-8"), problem.message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "UTF-16LE with a byte order mark, é, 1, 1, not valid UTF-8 (byte 0xFF): the file looks saved as UTF-16",
        "UTF-16BE with a byte order mark, é, 1, 1, not valid UTF-8 (byte 0xFE): the file looks saved as UTF-16",
        "UTF-16LE without one, é, 1, 29, not valid UTF-8 (byte 0xE9): the file looks saved as UTF-16",
        "UTF-16LE without one, e, 1, 0, 'a NUL character (U+0000), as a file saved as UTF-16 holds: save it as UTF-8'",
    })
    void aContractSavedAsUtf16IsToldSo(String encoding, String letter, int line, int column, String message) {
        String json = "{\"title\": \"caf" + letter + "\"}";
        byte[] bytes = json.getBytes(encoding.startsWith("UTF-16BE") ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        if (encoding.contains("with a byte order mark")) {
            byte[] mark = encoding.startsWith("UTF-16BE") ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                    : new byte[] {(byte) 0xFF, (byte) 0xFE};
            byte[] marked = new byte[bytes.length + 2];
            System.arraycopy(mark, 0, marked, 0, 2);
            System.arraycopy(bytes, 0, marked, 2, bytes.length);
            bytes = marked;
        }
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", bytes);

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(line, problem.line(), problem.toString());
        if (column > 0) {
            // Columns count the characters the bytes make as UTF-8, as for any other byte that is not.
            assertEquals(column, problem.column(), problem.toString());
        }
        assertTrue(problem.message().contains(message), problem.message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty file                | '   '                                                                   | empty file
            not an object             | [1, 2]                                                                  | a contract is a JSON object, found an array
            trailing tokens           | {} {}                                                                   | invalid JSON
            properties not an object  | {"properties": [1]}                                                     | /properties: expected an object
            required not an array     | {"required": "id"}                                                      | /required: expected an array
            unknown strategy          | {"x-artifact-metadata": {"persistence": {"strategy": "blob"}}}          | /x-artifact-metadata/persistence/strategy: expected none, jsonb or relational, found "blob"
            bad table name            | {"x-artifact-metadata": {"persistence": {"table": "Bad-Name"}}}         | /x-artifact-metadata/persistence/table: "Bad-Name" is not a table name: use lower-case letters, digits and _, starting with a letter
            bad audience              | {"x-artifact-metadata": {"to": "everyone"}}                             | /x-artifact-metadata/to: expected internal or external
            bad index type            | {"x-artifact-metadata": {"persistence": {"indexes": [{"type": "brin", "fields": ["a"]}]}}} | /x-artifact-metadata/persistence/indexes/0/type: expected btree, gin, gist or hash
            index without fields      | {"x-artifact-metadata": {"persistence": {"indexes": [{"name": "i"}]}}}  | /x-artifact-metadata/persistence/indexes/0/fields: expected a non-empty array
            title not a string        | {"title": 3}                                                            | /title: expected a string, found a number
            misspelled strategy key   | {"x-artifact-metadata": {"persistence": {"stratgy": "relational"}}}     | /x-artifact-metadata/persistence/stratgy: unknown key "stratgy": expected strategy, table, migration or indexes
            unknown index key         | {"x-artifact-metadata": {"persistence": {"indexes": [{"fields": ["a"], "unique": true}]}}} | /x-artifact-metadata/persistence/indexes/0/unique: unknown key "unique": expected name, type or fields
            misspelled persistence    | {"x-artifact-metadata": {"persistance": {"strategy": "relational"}}}    | /x-artifact-metadata/persistance: unknown key "persistance": did you mean persistence?
            """)
    void brokenInputIsAProblemNamingTheFile(String what, String json, String expected) {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", json);

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(file, problem.file());
        assertTrue(problem.message().contains(expected), problem.message());
    }

    @Test
    void otherToolsKeepTheirOwnKeysInTheMetadata() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json",
                "{\"x-artifact-metadata\": {\"domain\": \"b\", \"persist\": 1, \"persistent\": true,"
                        + " \"persistency\": {\"level\": 2}, \"persistence\": {\"table\": \"t\"}}}");

        assertEquals(Optional.of("t"), ContractReader.read(file, root).explicitTable());
    }

    /** The reader builds a tree of the members it reads only; the rest is still checked, token by token. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            syntax error in definitions   | {"definitions": {"a": {"type": "string",,}}}       | 1 | 41
            duplicate key in a property   | {"properties": {"a": {"type": "string",\\n"type": "integer"}}} | 2 | 7
            syntax error in an unknown member | {"x-other": [1, 2,, 3], "title": "t"}        | 1 | 19
            trailing value after the object   | {"title": "t"}\\n[]                            | 2 | 1
            """)
    void aProblemInsideAMemberThePluginDoesNotReadIsStillReportedWhereItIs(String what, String json, int line,
                                                                          int column) {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", json.replace("\\n", "\n"));

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals(List.of(line, column), List.of(problem.line(), problem.column()), problem.message());
        assertTrue(problem.message().startsWith("invalid JSON: "), problem.message());
    }

    @Test
    void nestingTooDeepIsPlacedAtTheBracketThatGoesTooDeepNotAtTheEndOfTheFile() {
        String prefix = "{\"properties\": {\"a\": ";
        Path file = ContractFixtures.write(root, "a/b/c.schema.json",
                prefix + "[".repeat(1500) + "]".repeat(1500) + "}}");

        Problem problem = single(() -> ContractReader.read(file, root));

        // The limit is 1,000 levels: the object and "properties" are two, the 999th bracket is the 1,001st.
        assertEquals(List.of(1, prefix.length() + 999), List.of(problem.line(), problem.column()), problem.message());
        assertTrue(problem.message().startsWith("invalid JSON: document nesting depth (1001) exceeds the maximum"
                + " allowed (1000"), problem.message());
    }

    @Test
    void theWholeSchemaIsTheFileParsedWhenFirstAskedFor() throws Exception {
        String json = """
                {"title": "T", "properties": {"b": {"$ref": "#/definitions/d"}, "a": {"type": "number", "maximum": 0.1}},
                 "definitions": {"d": {"type": "object", "properties": {"x": {"enum": [1e400, "é"]}}}}}
                """;
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", json);

        Contract contract = ContractReader.read(file, root);

        assertEquals(List.of("b", "a"), List.copyOf(contract.document().propertyNames()));
        com.fasterxml.jackson.databind.JsonNode tree = contract.schema();
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json), tree);
        assertEquals("1E+400", tree.at("/definitions/d/properties/x/enum/0").decimalValue().toString());
        assertTrue(tree == contract.schema(), "parsed once, then the same tree");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json",
                "{\"title\": 1, \"required\": {}, \"x-artifact-metadata\": {\"to\": \"x\"}}");

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> ContractReader.read(file, root));

        assertEquals(3, failure.problems().size());
    }

    @Test
    void aProblemAtAPointerIsPlacedAtTheValueItNames() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", """
                {
                  "$id": "a:b:c",
                  "x-artifact-metadata": {
                    "persistence": {"strategy": "relatonal"}
                  }
                }
                """);

        Problem problem = single(() -> ContractReader.read(file, root));

        assertEquals("a/b/c.schema.json:4:33: /x-artifact-metadata/persistence/strategy: expected none, jsonb or"
                + " relational, found \"relatonal\" (did you mean relational?)", problem.describe(root));
    }

    @Test
    void aMisspeltTypeOfTheContractItselfIsAProblemAtItsPlace() {
        Path single = ContractFixtures.write(root, "a/b/c.schema.json", """
                {"type": "objct", "properties": {"id": {"type": "string"}}}
                """);
        Path union = ContractFixtures.write(root, "a/b/d.schema.json", """
                {"type": ["object", "nul"], "properties": {}}
                """);
        Path right = ContractFixtures.write(root, "a/b/e.schema.json", """
                {"type": ["object", "null"], "properties": {}}
                """);

        assertEquals("a/b/c.schema.json:1:10: /type: unknown JSON Schema type \"objct\" (did you mean object?)",
                single(() -> ContractReader.read(single, root)).describe(root));
        assertEquals("a/b/d.schema.json:1:21: /type/1: unknown JSON Schema type \"nul\" (did you mean null?)",
                single(() -> ContractReader.read(union, root)).describe(root));
        assertEquals(Set.of(), ContractReader.read(right, root).document().propertyNames());
    }

    /** A misspelt key there would change the contract without a word: no properties, no metadata, no NOT NULL. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "object",\\n "propertes": {"id": {}}}   | 2:15 | propertes           | properties
            {"x-artefact-metadata": {}}                     | 1:25 | x-artefact-metadata | x-artifact-metadata
            {"artifact-metadata": {"to": "internal"}}       | 1:23 | artifact-metadata   | x-artifact-metadata
            {"properties": {"a": {}},\\n "requried": ["a"]} | 2:14 | requried            | required
            {"Properties": {"a": {}}}                       | 1:16 | Properties          | properties
            {"verison": "1.0.0"}                            | 1:13 | verison             | version
            {"$def": {}}                                    | 1:10 | $def                | $defs
            """)
    void aMisspeltKeyOfTheRootIsAProblemAtItsPlace(String json, String place, String key, String meant) {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", json.replace("\\n", "\n"));

        assertEquals("a/b/c.schema.json:" + place + ": /" + key + ": unknown key \"" + key + "\" (did you mean " + meant
                + "?)", single(() -> ContractReader.read(file, root)).describe(root));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            persistence | x-artifact-metadata
            to          | x-artifact-metadata
            strategy    | x-artifact-metadata.persistence
            indexes     | x-artifact-metadata.persistence
            """)
    void aSettingOfTheMetadataAtTheRootIsAProblemAtItsPlace(String key, String where) {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json",
                "{\"properties\": {\"id\": {}}, \"" + key + "\": {}}");

        assertEquals("a/b/c.schema.json:1:" + (32 + key.length()) + ": /" + key + ": \"" + key + "\" is read inside "
                + where + ", not at the contract's root", single(() -> ContractReader.read(file, root)).describe(root));
    }

    @Test
    void rootKeysThatAreNoSlipsOfAKeywordAreRead() {
        // OpenAPI's example, draft-04's id, other tools' extensions and keywords of later drafts.
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", """
                {"id": "c", "example": {"a": 1}, "nullable": false, "x-propertes": 1, "x-artifact-meta": {},
                 "$anchor": "c", "$dynamicAnchor": "d", "unevaluatedProperties": false, "version": "1",
                 "definition": "a glossary's", "isRequired": true, "requiredIf": "b", "time": "utc",
                 "properties": {"a": {"type": "string"}}}
                """);

        assertEquals(Set.of("a"), ContractReader.read(file, root).document().propertyNames());
    }

    @Test
    void everyProblemOfTheOutlineIsPlacedAtItsOwnValue() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", """
                {
                  "x-artifact-metadata": {
                    "to": "everyone",
                    "persistence": {
                      "tables": "t",
                      "indexes": [
                        {"fields": ["a"]},
                        {"type": "brin", "fields": ["a"]},
                        {"name": "i"}
                      ]
                    }
                  }
                }
                """);

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> ContractReader.read(file, root));

        assertEquals(List.of(
                "a/b/c.schema.json:3:11: /x-artifact-metadata/to: expected internal or external, found \"everyone\"",
                "a/b/c.schema.json:5:17: /x-artifact-metadata/persistence/tables: unknown key \"tables\": expected"
                        + " strategy, table, migration or indexes (did you mean table?)",
                "a/b/c.schema.json:8:18: /x-artifact-metadata/persistence/indexes/1/type: expected btree, gin, gist or"
                        + " hash, found \"brin\"",
                // No fields member: placed at the index that lacks it.
                "a/b/c.schema.json:9:9: /x-artifact-metadata/persistence/indexes/2/fields: expected a non-empty array"
                        + " of field names"),
                failure.problems().stream().map(p -> p.describe(root)).toList());
    }

    @Test
    void aPointerIsPlacedThroughEscapedNames() {
        Path file = ContractFixtures.write(root, "a/b/c.schema.json", """
                {
                  "properties": {
                    "a/b": {"type": "string"},
                    "c~d": {"type": "string", "maxLength": 3}
                  }
                }
                """);
        Contract contract = ContractReader.read(file, root);

        List<Problem> problems = contract.problems(List.of(new SchemaProblem("/properties/a~1b/type", "wrong"),
                new SchemaProblem("/properties/c~0d/maxLength", "wrong"),
                new SchemaProblem("/properties/c~0d/minimum", "missing"),
                new SchemaProblem("/nothing/here", "missing")));

        assertEquals(List.of("a/b/c.schema.json:3:21: /properties/a~1b/type: wrong",
                "a/b/c.schema.json:4:44: /properties/c~0d/maxLength: wrong",
                // A member the file lacks is placed at the nearest value it has; the root is no place.
                "a/b/c.schema.json:4:12: /properties/c~0d/minimum: missing",
                "a/b/c.schema.json: /nothing/here: missing"),
                problems.stream().map(p -> p.describe(root)).toList());
        // A document built in code has no text to place a problem in.
        Contract built = new Contract(file, contract.location(), SchemaDocument.of(contract.schema()), contract.id(),
                contract.title(), contract.description(), contract.version(), contract.audience(), contract.strategy(),
                contract.explicitTable(), contract.migration(), contract.indexes());
        assertEquals("a/b/c.schema.json: /properties/a~1b/type: wrong",
                built.problem("/properties/a~1b/type", "wrong").describe(root));
    }

    private static Problem single(Runnable action) {
        InvalidInputException failure = assertThrows(InvalidInputException.class, action::run);
        assertEquals(1, failure.problems().size(), failure.getMessage());
        return failure.problems().get(0);
    }
}
