package dev.atdd.core.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.atdd.core.migration.SqlTokenKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlLexerTest {

    private static List<SqlTokenKind> kinds(String sql) {
        return SqlLexer.tokenize(sql).stream().map(SqlToken::kind).toList();
    }

    private static List<String> values(String sql) {
        return SqlLexer.tokenize(sql).stream().map(SqlToken::value).toList();
    }

    @Test
    void foldsUnquotedWordsAndKeepsQuotedNames() {
        List<SqlToken> tokens = SqlLexer.tokenize("CREATE Table \"public\".\"My \"\"Big\"\" Order\"(Id");
        assertEquals(List.of("create", "table", "public", ".", "My \"Big\" Order", "(", "id"),
                tokens.stream().map(SqlToken::value).toList());
        assertEquals(List.of(WORD, WORD, QUOTED_IDENTIFIER, PUNCTUATION, QUOTED_IDENTIFIER, PUNCTUATION, WORD),
                tokens.stream().map(SqlToken::kind).toList());
        assertTrue(tokens.get(4).quoted());
        assertFalse(tokens.get(0).quoted());
        assertTrue(tokens.get(0).isWord("create"));
    }

    @Test
    void foldsOnlyAsciiLettersLikePostgres() {
        assertEquals(List.of("café_Ä"), values("CAFé_Ä"));
    }

    @Test
    void wordsKeepDollarSignsAndDigitsAfterTheFirstCharacter() {
        assertEquals(List.of("a$b$c1"), values("a$b$c1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "'it''s create table x'",
            "E'it\\'s create table x'",
            "e'\\\\'",
            "U&'d\\0061t create table'",
            "B'0101'", "X'1F'", "N'create table'",
            "$$ create table x(); $$",
            "$fn$ begin create table x(); $$ nested $$ end $fn$",
            "-- create table x",
            "/* create table x */",
            "/* outer /* inner */ create table x */"
    })
    void constantsAndCommentsAreSingleTokens(String sql) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        assertEquals(1, tokens.size(), () -> tokens.toString());
        assertEquals(sql, tokens.get(0).text());
    }

    @Test
    void standardStringsDoNotEscapeWithBackslash() {
        // 'a\' is a whole string; the second quote opens a new one.
        assertEquals(List.of(STRING, WORD, STRING), kinds("'a\\' x 'b'"));
    }

    @Test
    void escapeStringEndsAfterEscapedQuote() {
        assertEquals(List.of(STRING, WORD), kinds("E'\\'' create"));
    }

    @Test
    void positionalParameterIsNotADollarQuote() {
        assertEquals(List.of(WORD, PARAMETER, OPERATOR, PARAMETER, PUNCTUATION, WORD),
                kinds("select $1 + $2; create"));
    }

    @Test
    void loneDollarIsAnOperator() {
        assertEquals(List.of(OPERATOR, WORD), kinds("$ x"));
    }

    @ParameterizedTest
    @CsvSource({"42, 42", "3.14, 3.14", ".5, .5", "1e10, 1e10", "2.5E-3, 2.5E-3"})
    void numbers(String sql, String text) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        assertEquals(1, tokens.size());
        assertEquals(NUMBER, tokens.get(0).kind());
        assertEquals(text, tokens.get(0).text());
    }

    @Test
    void lineCommentStopsBeforeTheLineBreakEvenWithCrlf() {
        List<SqlToken> tokens = SqlLexer.tokenize("-- note\r\ncreate");
        assertEquals("-- note", tokens.get(0).text());
        assertEquals(LINE_COMMENT, tokens.get(0).kind());
        assertEquals(2, tokens.get(1).line());
        assertEquals(1, tokens.get(1).column());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/*/ x */ y              | /*/ x */,y",
            "/* **/ y                | /* **/,y",
            "/* a /* b */ c */*/ y   | /* a /* b */ c */,*,/,y",
            "-- a\\rb -- c\\nd -- e\\r | -- a,b,-- c,d,-- e",
            "'it''s' x 'a''' y       | 'it''s',x,'a''',y"
    })
    void commentsAndStringsEndWherePostgresEndsThem(String written, String expected) {
        String sql = written.strip().replace("\\r", "\r").replace("\\n", "\n");
        assertEquals(List.of(expected.split(",")), SqlLexer.tokenize(sql).stream().map(SqlToken::text).toList());
    }

    @Test
    void linesCountAfterTokensThatSpanThem() {
        List<SqlToken> tokens = SqlLexer.tokenize("'a''\nb' $$\n\n$$ /* \n /* \n */ */ x\n-- y\r\nz");
        assertEquals(List.of(1, 2, 4, 6, 7, 8), tokens.stream().map(SqlToken::line).toList());
    }

    @Test
    void linesAndColumnsAreOneBasedAndCountInsideMultiLineTokens() {
        List<SqlToken> tokens = SqlLexer.tokenize("a\n  /* x\ny */ b\r\n\t'p\nq' c");
        assertEquals(List.of(1, 2, 3, 4, 5), tokens.stream().map(SqlToken::line).toList());
        assertEquals(List.of(1, 3, 6, 2, 4), tokens.stream().map(SqlToken::column).toList());
    }

    @Test
    void aLoneCarriageReturnEndsALineAsInTheUsersEditor() {
        // A file saved the classic Mac OS way: lines inside a comment, a string and a dollar quote too.
        List<SqlToken> tokens = SqlLexer.tokenize("a\r  /* x\ry */ b\r\t'p\rq' c\r$$\r$$ d\r-- e\rf");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), tokens.stream().map(SqlToken::line).toList());
        assertEquals(List.of(1, 3, 6, 2, 4, 1, 4, 1, 1), tokens.stream().map(SqlToken::column).toList());
    }

    @Test
    void aDollarQuotedBodyLexedApartCountsItsLoneCarriageReturns() {
        String text = "do $$\rbegin\r  create table t();\rend $$;\rselect 1;";
        int from = text.indexOf("$$") + 2;
        SqlLexer body = new SqlLexer(text, from, text.lastIndexOf("$$"), 1, 0);
        List<Integer> lines = new ArrayList<>();
        while (body.advance()) {
            lines.add(body.line());
        }
        assertEquals(List.of(2, 3, 3, 3, 3, 3, 3, 4), lines);
    }

    @Test
    void byteOrderMarkIsSkippedAndNotCounted() {
        List<SqlToken> tokens = SqlLexer.tokenize("\uFEFFcreate table");
        assertEquals("create", tokens.get(0).value());
        assertEquals(1, tokens.get(0).column());
        assertEquals(8, tokens.get(1).column());
    }

    @Test
    void commentsOpenedInsideAnOperatorStillCount() {
        assertEquals(List.of(WORD, OPERATOR, LINE_COMMENT), kinds("a +-- b"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "x\\n  'abc                | 2 | 3 | unterminated string literal",
            "x E'abc\\'               | 1 | 3 | unterminated string literal",
            "x \"Abc                  | 1 | 3 | unterminated quoted identifier",
            "/* a /* b */             | 1 | 1 | unterminated /* comment",
            "do $body$ begin $$ end $ | 1 | 4 | unterminated dollar-quoted string $body$"
    })
    void unterminatedConstructIsReportedWhereItStarts(String written, int line, int column, String message) {
        String sql = written.replace("\\n", "\n");
        SqlLexer lexer = new SqlLexer(sql);
        SqlToken last = null;
        while (lexer.advance()) {
            last = lexer.token();
        }
        assertEquals(new SqlLexError(line, column, message), lexer.error().orElseThrow());
        assertEquals(sql.length(), last.end());
    }

    @Test
    void terminatedTextHasNoError() {
        SqlLexer lexer = new SqlLexer("select 'a', $$b$$, \"c\" /* d */ -- e");
        while (lexer.advance()) {
            assertTrue(lexer.start() < lexer.end());
        }
        assertTrue(lexer.error().isEmpty());
    }

    @Test
    void cursorComparesKeywordsWithoutCaseAndOnlyForWords() {
        SqlLexer lexer = new SqlLexer("DrOp \"drop\" dropped ;");
        lexer.advance();
        assertTrue(lexer.isWord("drop"));
        lexer.advance();
        assertFalse(lexer.isWord("drop"));
        lexer.advance();
        assertFalse(lexer.isWord("drop"));
        lexer.advance();
        assertTrue(lexer.isPunctuation(';'));
        assertFalse(lexer.advance());
    }
}
