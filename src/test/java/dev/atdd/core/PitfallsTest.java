package dev.atdd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractReader;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.render.JsonbTableModel;
import dev.atdd.core.render.RelationalTableModel;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.core.render.TableShape;
import dev.atdd.core.types.Column;
import dev.atdd.core.types.PatternTranslation;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import dev.atdd.core.types.TypeMapping;
import dev.atdd.testing.Folders;
import dev.atdd.testing.Postgres15;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per item of PITFALLS.md, each through the public path (contract file → reader → type
 * mapping → template) and, where the pitfall is about what PostgreSQL does, on PostgreSQL 15. Each
 * would fail without the handling it names. Narrower tests of the same handling live beside the code:
 * SqlLiteralTest (1), PgIdentifierKeywordsTest (2), TableShapesOnPostgresTest and IndexNamespaceTest
 * (3), TypeMappingTest (4, 5, 7, 8, 10, 13), PatternTranslationTest and PatternSizeOnPostgresTest (6),
 * ContractTextWithNulTest (1, 12); HostileContractsOnPostgresTest tries all of them at random.
 */
@ExtendWith(Postgres15.class)
class PitfallsTest {

    private static final String TABLE = "game_match_session";
    private static final Instant NOW = Instant.parse("2025-10-30T14:30:00Z");

    @TempDir
    Path contracts;

    // -- 1 ---------------------------------------------------------------------------------------

    @Test
    void pitfall01QuotesInLiteralsAreDoubledWithoutEscapeStrings(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"description": "It's the player's \\"symbol\\", a\\\\b -- not a comment */ $$",
                 "properties": {"symbol": {"enum": ["'", "\\"", "a\\\\b", "é", "Cap'n Proto"]}}}""");

        assertFalse(table.sql().contains("E'"), table.sql());
        for (String value : List.of("'", "\"", "a\\b", "é", "Cap'n Proto")) {
            assertTrue(table.accepts("symbol", "TEXT", value), value);
        }
        assertFalse(table.accepts("symbol", "TEXT", "a\\\\b"));
        assertEquals("It's the player's \"symbol\", a\\b -- not a comment */ $$ | Contract: game/match/session.schema.json",
                table.comment());
    }

    // -- 2 ---------------------------------------------------------------------------------------

    @Test
    void pitfall02ReservedWordsAreQuotedEverywhereAndOtherKeywordsStayBare(DataSource database) throws Exception {
        List<String> reserved = List.of("user", "order", "group", "default", "authorization", "verbose", "left",
                "table", "create");
        String properties = reserved.stream().map(w -> "\"" + w + "\": {\"enum\": [\"a\"]}")
                .collect(Collectors.joining(", "));
        Applied table = relational(database, "{\"properties\": {" + properties
                + ", \"time\": {}, \"timestamp\": {}, \"values\": {}}, \"x-artifact-metadata\": {\"persistence\":"
                + " {\"indexes\": [{\"type\": \"btree\", \"fields\": [\"order\", \"user\"]}]}}}");

        for (String word : reserved) {
            assertTrue(table.sql().contains("\"" + word + "\" TEXT CHECK (\"" + word + "\" = 'a')"), word);
            assertFalse(table.accepts(word, "TEXT", "b"), word);
        }
        assertTrue(table.sql().contains("(\"order\", \"user\")"), table.sql());
        for (String word : List.of("time", "timestamp", "values")) {
            assertTrue(table.sql().contains("\n  " + word + " JSONB"), word);
        }
    }

    // -- 3 ---------------------------------------------------------------------------------------

    @Test
    void pitfall03NamesSharingTheir63FirstBytesStayDistinct(DataSource database) throws Exception {
        String common = "é".repeat(31) + "x"; // 63 bytes: PostgreSQL would cut both names to this
        Applied table = relational(database, "{\"properties\": {\"" + common + "_first\": {}, \"" + common
                + "_second\": {}}}");

        List<String> columns = table.rows("SELECT attname FROM pg_attribute WHERE attrelid = 'game_match_session'::regclass"
                + " AND attnum > 0 ORDER BY attnum");
        assertEquals(5, columns.size(), columns.toString());
        assertTrue(columns.stream().allMatch(PgIdentifier::fits), columns.toString());
        assertFalse(columns.get(1).equals(columns.get(2)));
    }

    @Test
    void pitfall03AnIndexCannotTakeTheNameOfItsTable() throws IOException {
        Contract contract = contract("{\"properties\": {\"a\": {}}, \"x-artifact-metadata\": {\"persistence\":"
                + " {\"indexes\": [{\"name\": \"" + TABLE + "\", \"fields\": [\"a\"]}]}}}");

        assertThrows(InvalidInputException.class, () -> JsonbTableModel.of(contract, TABLE, NOW, true));
    }

    // -- 4 ---------------------------------------------------------------------------------------

    @Test
    void pitfall04PropertiesThatSnakeCaseMergesAreReportedNotMerged() throws IOException {
        Contract contract = contract("""
                {"properties": {"dev-dependencies": {}, "dev_dependencies": {}, "Authorization": {},
                 "authorization": {}, "X-Api-Key": {}, "x-api-key": {}, "$": {}, "@": {}, "1st": {}}}""");

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> TypeMapping.map(contract));

        List<String> messages = refused.problems().stream().map(Problem::message).toList();
        assertEquals(5, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("/properties/dev_dependencies: its column name \"dev_dependencies\""
                + " is also the column of /properties/dev-dependencies"), messages.get(0));
        assertTrue(messages.get(1).startsWith("/properties/authorization:"), messages.get(1));
        assertTrue(messages.get(2).startsWith("/properties/x-api-key:"), messages.get(2));
        assertTrue(messages.get(3).startsWith("/properties/$: has no usable column name"), messages.get(3));
        assertTrue(messages.get(4).startsWith("/properties/@: has no usable column name"), messages.get(4));
    }

    @Test
    void pitfall04ANameStartingWithADigitBecomesAUsableColumn(DataSource database) throws Exception {
        Applied table = relational(database, "{\"properties\": {\"1st\": {\"type\": \"string\"}}}");

        assertTrue(table.accepts("_1st", "TEXT", "first"));
    }

    // -- 5 ---------------------------------------------------------------------------------------

    @Test
    void pitfall05IntegerWidthFollowsBoundsAndFormat(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"properties": {"plain": {"type": "integer"},
                 "unsigned": {"type": "integer", "minimum": 0, "maximum": 4294967295},
                 "long": {"type": "integer", "format": "int64"},
                 "huge": {"type": "integer", "maximum": 9223372036854775808}}}""");

        assertEquals(List.of(PgType.INTEGER, PgType.BIGINT, PgType.BIGINT, PgType.NUMERIC),
                table.definition().columns().stream().map(Column::type).toList());
        assertTrue(table.accepts("unsigned", "BIGINT", "4294967295"));
        assertTrue(table.accepts("long", "BIGINT", Long.toString(Long.MAX_VALUE)));
        assertTrue(table.accepts("huge", "NUMERIC", BigInteger.TWO.pow(63).toString()));
    }

    // -- 6 ---------------------------------------------------------------------------------------

    @Test
    void pitfall06PatternsAreTranslatedToMeanWhatJavaScriptMeansOrLeftForReview(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"properties": {"slug": {"type": "string", "pattern": "^[a-zA-Z0-9-_]+$"},
                 "dot": {"type": "string", "pattern": "^a.b$"},
                 "word": {"type": "string", "pattern": "^\\\\w$"},
                 "part": {"type": "string", "pattern": "b"},
                 "edge": {"type": "string", "pattern": "\\\\bword\\\\b"}}}""");

        assertTrue(table.accepts("slug", "TEXT", "a-_Z9"));
        assertFalse(table.accepts("slug", "TEXT", "a b"));
        assertFalse(table.accepts("dot", "TEXT", "a\nb"), ". must not match a newline");
        assertTrue(table.accepts("dot", "TEXT", "a.b"));
        assertFalse(table.accepts("word", "TEXT", "é"), "\\w must not follow the locale");
        assertTrue(table.accepts("part", "TEXT", "abc"), "a JSON Schema pattern is unanchored");
        Column edge = table.definition().columns().get(4);
        assertEquals(List.of(), edge.checks());
        assertTrue(edge.todos().get(0).contains("word boundary"), edge.todos().toString());
        for (String refused : List.of("(?<n>a)", "^a{1,256}$", "\\p{L}", "(?<n>a)\\k<n>", "[^]")) {
            assertInstanceOf(PatternTranslation.Untranslatable.class, PatternTranslation.translate(refused), refused);
        }
    }

    // -- 7 ---------------------------------------------------------------------------------------

    @Test
    void pitfall07RecursiveReferencesEndAsJsonb(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"properties": {"self": {"$ref": "#"}, "loop": {"$ref": "#/definitions/a"}},
                 "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}}""");

        assertEquals(List.of(PgType.JSONB, PgType.JSONB), table.definition().columns().stream().map(Column::type).toList());
        assertTrue(table.accepts("loop", "JSONB", "{\"a\": {}}"));
    }

    // -- 8 ---------------------------------------------------------------------------------------

    @Test
    void pitfall08TypeArraysWithNullAreNullableAndOtherUnionsJsonbForReview(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"properties": {"nick": {"type": ["string", "null"]}, "mixed": {"type": ["string", "object"]},
                 "either": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                 "both": {"allOf": [{"type": "string"}, {"minLength": 2}]}},
                 "required": ["nick"]}""");

        assertEquals(List.of(PgType.TEXT, PgType.JSONB, PgType.JSONB, PgType.JSONB),
                table.definition().columns().stream().map(Column::type).toList());
        assertTrue(table.accepts("nick", "TEXT", null), "[\"string\", \"null\"] admits null though required");
        assertTrue(table.definition().columns().stream().skip(1).allMatch(c -> !c.todos().isEmpty()));
        assertTrue(table.sql().contains("-- ⚠️ TODO: Review JSONB columns for normalization"));
    }

    // -- 9 ---------------------------------------------------------------------------------------

    @Test
    void pitfall09FormatTimeWarnsThatPostgresDropsTheOffset(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"properties": {"at": {"type": "string", "format": "time"},
                 "when": {"type": "string", "format": "date-time"}, "key": {"type": "string", "format": "uuid"}}}""");

        Column at = table.definition().columns().get(0);
        assertEquals(List.of(PgType.TIME, PgType.TIMESTAMPTZ, PgType.UUID),
                table.definition().columns().stream().map(Column::type).toList());
        assertTrue(at.todos().get(0).contains("TIME drops a UTC offset"), at.todos().toString());
        // The note is needed: PostgreSQL really drops it.
        assertTrue(table.accepts("at", "TIME", "10:00:00+02:00"));
        assertEquals(List.of("10:00:00"), table.rows("SELECT at::text FROM " + TABLE + " WHERE at IS NOT NULL"));
    }

    // -- 10 --------------------------------------------------------------------------------------

    @Test
    void pitfall10NullInAnEnumIsNullabilityAndMixedOrHugeEnumsStillApply(DataSource database) throws Exception {
        String thousands = IntStream.range(0, 5000).mapToObj(i -> "\"v" + i + "'\"").collect(Collectors.joining(", "));
        Applied table = relational(database, "{\"properties\": {\"kind\": {\"enum\": [\"a\", null]},"
                + " \"mixed\": {\"enum\": [\"a\", 1, true]}, \"many\": {\"enum\": [" + thousands + "]}},"
                + " \"required\": [\"kind\"]}");

        assertFalse(table.accepts("kind", "TEXT", "zzz"), "IN ('a', NULL) would let zzz through");
        assertTrue(table.accepts("kind", "TEXT", null));
        assertTrue(table.accepts("mixed", "TEXT", "1"));
        assertFalse(table.accepts("mixed", "TEXT", "2"));
        assertTrue(table.accepts("many", "TEXT", "v4999'"));
        assertFalse(table.accepts("many", "TEXT", "v5000'"));
    }

    // -- 11 --------------------------------------------------------------------------------------

    /** The plugin never writes a contract's default into SQL, so 0, false, "" and {} cannot be lost or misquoted. */
    @Test
    void pitfall11ContractDefaultsAreNeverWrittenIntoSql(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"properties": {"n": {"type": "integer", "default": 0}, "b": {"type": "boolean", "default": false},
                 "s": {"type": "string", "default": ""}, "o": {"type": "object", "default": {"k": "it's"}}}}""");

        assertEquals(List.of("gen_random_uuid()", "now()", "now()"),
                table.rows("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = '" + TABLE
                        + "'::regclass ORDER BY adnum"));
        assertFalse(table.sql().contains("it's"), table.sql());
    }

    // -- 12 --------------------------------------------------------------------------------------

    /**
     * No JSON value is ever written into SQL (no defaults; enums of objects become JSONB without a CHECK),
     * so JSONB's refusal of \u0000 cannot break a migration; a NUL bound for a text literal is refused.
     */
    @Test
    void pitfall12NoJsonWithNulReachesSql(DataSource database) throws Exception {
        Applied table = relational(database, """
                {"properties": {"doc": {"enum": [{"k": "a\\u0000b"}], "default": {"k": "\\u0000"}},
                 "fixed": {"const": ["\\u0000"]}}}""");

        assertEquals(List.of(PgType.JSONB, PgType.JSONB), table.definition().columns().stream().map(Column::type).toList());
        assertFalse(table.sql().contains("::jsonb") || table.sql().contains("\0"), table.sql());
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> TypeMapping.map(
                contract("{\"properties\": {\"p\": {\"enum\": [\"a\\u0000b\"]}}}")));
        assertTrue(refused.problems().get(0).message().startsWith("/properties/p/enum/0: holds a NUL character"));
    }

    // -- 13 --------------------------------------------------------------------------------------

    @Test
    void pitfall13RequiredNamesMissingFromPropertiesAreReported() throws IOException {
        Contract contract = contract("{\"properties\": {\"a\": {}}, \"required\": [\"a\", \"ghost\"]}");

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> TypeMapping.map(contract));

        assertEquals(List.of(new Problem(contract.file(), 1, 45, "/required/1: \"ghost\" is required but is not in properties")),
                refused.problems());
    }

    // -- the path -------------------------------------------------------------------------------

    private Contract contract(String json) throws IOException {
        return ContractReader.read(Folders.write(contracts.resolve("game/match/session.schema.json"), json), contracts);
    }

    private Applied relational(DataSource database, String json) throws IOException, SQLException {
        Contract contract = contract(json);
        RelationalTable definition = TypeMapping.map(contract);
        String sql = SqlTemplates.builtIn().render(TableShape.RELATIONAL,
                RelationalTableModel.of(contract, TABLE, definition, NOW, true));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return new Applied(database, sql, definition);
    }

    /** A relational table applied on PostgreSQL 15. */
    private record Applied(DataSource database, String sql, RelationalTable definition) {

        /** Inserts one value into one column; false when a CHECK or NOT NULL refuses it. */
        boolean accepts(String column, String type, String value) throws SQLException {
            try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (" + PgIdentifier.render(column) + ") VALUES (CAST(? AS " + type + "))")) {
                insert.setString(1, value);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("23514".equals(e.getSQLState()) || "23502".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }

        String comment() throws SQLException {
            return rows("SELECT obj_description('" + TABLE + "'::regclass, 'pg_class')").get(0);
        }

        List<String> rows(String query) throws SQLException {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(query)) {
                List<String> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
                return out;
            }
        }
    }
}
