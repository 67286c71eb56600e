package dev.atdd.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptStatementsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "create index concurrently idx on public.t (a)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON public.t (a)",
        "drop index concurrently if exists public.idx",
        "reindex (verbose) table concurrently public.t",
        "vacuum analyze public.t",
        "alter system set work_mem = '64MB'",
        "create database other",
        "drop database if exists other",
        "create table public.t (a int);\n-- then\ncreate index concurrently idx on public.t (a);",
    })
    void findsCommandsThatCannotRunInATransaction(String script) {
        assertTrue(ScriptStatements.of(script).stream()
                .anyMatch(ScriptStatements.Statement::cannotRunInTransaction), script);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create index idx on public.t (a)",
        "create unique index idx on public.t (concurrently)",
        "-- create index concurrently idx on public.t (a)\nselect 1",
        "/* outer /* create index concurrently x on t (a); */ still comment */ select 1",
        "select 'create index concurrently idx on t (a)'",
        "select E'it\\'s; vacuum'",
        "do $$ begin execute 'vacuum'; end $$",
        "create function f() returns void language sql as $body$ vacuum; $body$",
        "create table \"vacuum\" (a int)",
        "alter table public.t add column system text",
        "reindex table public.t",
    })
    void leavesOtherScriptsInATransaction(String script) {
        assertFalse(ScriptStatements.of(script).stream()
                .anyMatch(ScriptStatements.Statement::cannotRunInTransaction), script);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "commit", "COMMIT AND CHAIN", "end transaction", "rollback", "rollback to savepoint s", "abort",
        "prepare transaction 'x'", "commit prepared 'x'",
        // The END that closes a BEGIN ATOMIC body, which the split leaves as a statement of its own.
        "end",
    })
    void findsStatementsThatEndATransaction(String statement) {
        assertTrue(ScriptStatements.of(statement).get(0).endsTransaction(), statement);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "begin", "start transaction", "savepoint s", "release savepoint s", "prepare q as select 1",
        "create table \"commit\" (a int)", "do $$ begin commit; end $$",
    })
    void leavesOtherStatementsInTheTransaction(String statement) {
        assertFalse(ScriptStatements.of(statement).get(0).endsTransaction(), statement);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "copy public.t from stdin", "COPY t (a, b) FROM STDIN WITH (FORMAT csv)", "copy t to stdout",
        "copy (select a from t where a in (select b from u)) to stdout", "copy \"T\" from stdin",
    })
    void findsACopyThatExchangesRowsWithTheClient(String statement) {
        assertTrue(ScriptStatements.of(statement).get(0).copiesWithClient(), statement);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "copy public.t from '/data/t.csv'", "copy t (stdin) to '/tmp/x'", "copy (select stdout from t) to '/tmp/x'",
        "select 1 as stdin", "create table stdin (a int)", "copy t from program 'cat' -- stdin",
        "copy t from \"stdin\"", "copy stdin from '/data/t.csv'", "copy stdin (stdout) from '/x' with (format csv)",
        "copy public.stdin to '/tmp/x'", "copy t from '/data/t.csv' where a is distinct from stdin",
        "copy t from '/data/t.csv' where a similar to stdout",
    })
    void leavesOtherCopiesAndStatementsNamingStdinToTheServer(String statement) {
        assertFalse(ScriptStatements.of(statement).get(0).copiesWithClient(), statement);
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("select 1; select 2", List.of("select 1", "select 2")),
                Arguments.of("  -- lead\nselect 1 ;;\n;select 'a;b'", List.of("select 1 ", "select 'a;b'")),
                Arguments.of("create function f() returns int as $f$ select 1; $f$ language sql; select $1",
                        List.of("create function f() returns int as $f$ select 1; $f$ language sql", "select $1")),
                Arguments.of("select (1;2); select \"a;\"\"b\"", List.of("select (1;2)", "select \"a;\"\"b\"")),
                Arguments.of("select 'it''s;' -- c;\n; select 2", List.of("select 'it''s;' -- c;\n", "select 2")),
                Arguments.of("/* only a comment; */ -- and another;", List.of()),
                // An unterminated string still reaches the server, which reports it.
                Arguments.of("select 1; select 'abc", List.of("select 1", "select 'abc")),
                Arguments.of("select 1; 'abc", List.of("select 1", "'abc")));
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void splitsAtTopLevelSemicolons(String script, List<String> expected) {
        List<String> statements = ScriptStatements.of(script).stream()
                .map(s -> script.substring(s.start(), s.end()))
                .toList();
        assertEquals(expected, statements);
    }
}
