package dev.atdd.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.types.PgType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Definitions as PostgreSQL 15's pg_get_constraintdef prints the CHECKs the relational template writes. */
class CheckConstantsTest {

    @Test
    void booleansArePrintedBare() {
        CheckConstants constants = CheckConstants.of("CHECK (b2 = ANY (ARRAY[true, false]))");

        assertTrue(constants.holds(PgType.BOOLEAN, "true"));
        assertTrue(constants.holds(PgType.BOOLEAN, "false"));
        assertFalse(CheckConstants.of("CHECK (b1 = false)").holds(PgType.BOOLEAN, "true"));
    }

    @Test
    void numericsAreComparedByValueWhetherBareOrQuotedWithACast() {
        // From b IN ('-1.5', '-3', '1E-7', '100', '1.50'): quoted when negative or without a point.
        CheckConstants constants = CheckConstants.of(
                "CHECK (n3 = ANY (ARRAY['-1.5'::numeric, '-3'::numeric, 0.0000001, '100'::numeric, 1.50]))");

        for (String value : new String[] {"-1.5", "-3", "1E-7", "100", "1.5"}) {
            assertTrue(constants.holds(PgType.NUMERIC, value), value);
        }
        assertFalse(constants.holds(PgType.NUMERIC, "1.55"));
        assertFalse(constants.holds(PgType.NUMERIC, "3"));
        assertFalse(constants.holds(PgType.NUMERIC, "-100"));
    }

    @Test
    void aNumberIsOneConstantNotAPieceOfALongerOne() {
        CheckConstants constants = CheckConstants.of("CHECK (n1 = ANY (ARRAY[11.55, '-1.5'::numeric]))");

        assertFalse(constants.holds(PgType.NUMERIC, "1.5"));
        assertFalse(constants.holds(PgType.NUMERIC, "1.55"));
    }

    @Test
    void integersOfEveryWidthAreFoundByValue() {
        assertTrue(CheckConstants.of("CHECK (i2 = ANY (ARRAY[5, '-7'::integer]))").holds(PgType.INTEGER, "-7"));
        assertTrue(CheckConstants.of("CHECK (i1 = 5)").holds(PgType.INTEGER, "5"));
        assertTrue(CheckConstants.of("CHECK (s1 = ANY (ARRAY['5'::smallint, '-7'::smallint]))")
                .holds(PgType.SMALLINT, "5"));
        assertTrue(CheckConstants.of("CHECK (g2 = '5'::bigint)").holds(PgType.BIGINT, "5"));
        assertFalse(CheckConstants.of("CHECK (i1 = 55)").holds(PgType.INTEGER, "5"));
    }

    @Test
    void textIsFoundUnquotedAndNotByItsNumericValue() {
        CheckConstants constants = CheckConstants.of("CHECK (t2 = ANY (ARRAY['it''s'::text, '1.50'::text]))");

        assertTrue(constants.holds(PgType.TEXT, "it's"));
        assertTrue(constants.holds(PgType.TEXT, "1.50"));
        assertFalse(constants.holds(PgType.TEXT, "1.5"));
        assertEquals(Set.of("it's", "1.50"), constants.texts());
    }

    @Test
    void notANumberIsNoNumber() {
        assertFalse(CheckConstants.of("CHECK (n = 'NaN'::numeric)").holds(PgType.NUMERIC, "0"));
    }

    @Test
    void aValueCountsWhereTheConditionComparesItForEqualityAndNothingNegatesThat() {
        assertFalse(CheckConstants.of("CHECK ((s <> ALL (ARRAY['on'::text, 'off'::text])))").holds(PgType.TEXT, "on"));
        assertTrue(CheckConstants.of("CHECK ((NOT (s <> ALL (ARRAY['on'::text, 'off'::text]))))").holds(PgType.TEXT, "on"));
        assertFalse(CheckConstants.of("CHECK ((NOT (b = true)))").holds(PgType.BOOLEAN, "true"));
        assertFalse(CheckConstants.of("CHECK ((s IS DISTINCT FROM 'on'::text))").holds(PgType.TEXT, "on"));
        // How PostgreSQL prints IS NOT DISTINCT FROM.
        assertTrue(CheckConstants.of("CHECK ((NOT (s IS DISTINCT FROM 'on'::text)))").holds(PgType.TEXT, "on"));
        assertFalse(CheckConstants.of("CHECK ((s = ALL (ARRAY['on'::text])))").holds(PgType.TEXT, "on"));
        assertFalse(CheckConstants.of("CHECK (((s >= 1) AND (s <= 5)))").holds(PgType.INTEGER, "1"));
        assertFalse(CheckConstants.of("CHECK (((s = ANY (ARRAY['on'::text])) IS FALSE))").holds(PgType.TEXT, "on"));
        assertFalse(CheckConstants.of("CHECK (CASE WHEN (s = 'on'::text) THEN false ELSE true END)")
                .holds(PgType.TEXT, "on"));
    }

    @Test
    void otherConditionsBesideTheComparisonNeitherAddNorTakeAway() {
        CheckConstants constants = CheckConstants.of(
                "CHECK ((((s IS NOT NULL) AND (s = ANY (ARRAY['on'::text, 'off'::text]))) AND (s <> ''::text)))");

        assertTrue(constants.holds(PgType.TEXT, "on"));
        assertTrue(constants.holds(PgType.TEXT, "off"));
        assertFalse(constants.holds(PgType.TEXT, ""));
        assertTrue(CheckConstants.of("CHECK (((s IS NULL) OR ((s)::text = ANY ((ARRAY['on'::character varying, "
                + "'off'::character varying])::text[]))))").holds(PgType.TEXT, "off"));
        assertTrue(CheckConstants.of("CHECK ((s = 'on'::text)) NOT VALID").holds(PgType.TEXT, "on"));
    }

    @Test
    void aBooleanColumnCanBeItsOwnCondition() {
        assertTrue(CheckConstants.of("CHECK (b)").holds(PgType.BOOLEAN, "true"));
        assertTrue(CheckConstants.of("CHECK ((NOT b))").holds(PgType.BOOLEAN, "false"));
        assertFalse(CheckConstants.of("CHECK ((NOT b))").holds(PgType.BOOLEAN, "true"));
        assertTrue(CheckConstants.of("CHECK ((b IS TRUE))").holds(PgType.BOOLEAN, "true"));
        assertFalse(CheckConstants.of("CHECK ((b IS NOT TRUE))").holds(PgType.BOOLEAN, "true"));
        assertTrue(CheckConstants.of("CHECK ((b IS NOT FALSE))").holds(PgType.BOOLEAN, "true"));
    }

    @Test
    void aRegexCountsOnlyWhenMatchedWithTheCaseSensitiveOperator() {
        assertTrue(CheckConstants.of("CHECK (((p)::text ~ '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertTrue(CheckConstants.of("CHECK ((p ~ ('^[A-Z]+$'::text COLLATE \"C\")))").matches("^[A-Z]+$"));
        assertTrue(CheckConstants.of("CHECK (regexp_like(p, '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertTrue(CheckConstants.of("CHECK (((p ~ '^[A-Z]+$'::text) AND (p !~ '^(ADMIN|ROOT)$'::text)))")
                .matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK (((p ~ '^[A-Z]+$'::text) AND (p !~ '^(ADMIN|ROOT)$'::text)))")
                .matches("^(ADMIN|ROOT)$"));
        assertFalse(CheckConstants.of("CHECK ((p !~ '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK ((p ~* '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK ((p ~~ '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK ((p ~<~ '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK ((p = '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK (regexp_like(p, '^[a-z]+$'::text, 'i'::text))").matches("^[a-z]+$"));
    }

    @Test
    void anExpressionOfTheColumnIsNotTheColumn() {
        assertFalse(CheckConstants.of("CHECK (lower(c) = ANY (ARRAY['A'::text, 'B'::text]))").holds(PgType.TEXT, "A"));
        assertFalse(CheckConstants.of("CHECK ((c || 'x'::text) = ANY (ARRAY['a'::text]))").holds(PgType.TEXT, "a"));
        assertFalse(CheckConstants.of("CHECK ((c * 2) = ANY (ARRAY[1, 3]))").holds(PgType.INTEGER, "1"));
        assertFalse(CheckConstants.of("CHECK (lower(c) ~ '^[A-Z]+$'::text)").matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK (regexp_like(lower(c), '^[A-Z]+$'::text))").matches("^[A-Z]+$"));
        assertFalse(CheckConstants.of("CHECK ((c = false) = false)").holds(PgType.BOOLEAN, "false"));
        // Cast, quoted, compared from the left: still the column.
        assertTrue(CheckConstants.of("CHECK (c::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[]))")
                .holds(PgType.TEXT, "b"));
        assertTrue(CheckConstants.of("CHECK (\"Status\" = 'a'::text)").holds(PgType.TEXT, "a"));
        assertTrue(CheckConstants.of("CHECK ('a'::text = c)").holds(PgType.TEXT, "a"));
        // Nor is another array than the one written out.
        assertFalse(CheckConstants.of("CHECK (s = ANY (array_remove(ARRAY['a'::text, 'b'::text], 'a'::text)))")
                .holds(PgType.TEXT, "a"));
        assertFalse(CheckConstants.of("CHECK (s = ANY ((ARRAY['a'::text, 'b'::text])[1:1]))").holds(PgType.TEXT, "b"));
    }

    @Test
    void anArrayLiteralCarriesItsElements() {
        assertTrue(CheckConstants.of("CHECK (c = ANY ('{a,b}'::text[]))").holds(PgType.TEXT, "b"));
        assertTrue(CheckConstants.of("CHECK (c::text = ANY ('{a,b}'::character varying[]::text[]))").holds(PgType.TEXT, "a"));
        CheckConstants quoted = CheckConstants.of("CHECK (c = ANY ('{\"a b\",\"c,d\",\"e\\\\f\",NULL}'::text[]))");
        assertEquals(Set.of("a b", "c,d", "e\\f"), quoted.texts());
        assertTrue(CheckConstants.of("CHECK (n = ANY ('{1.5,2}'::numeric[]))").holds(PgType.NUMERIC, "1.50"));
        assertFalse(CheckConstants.of("CHECK (c <> ALL ('{a,b}'::text[]))").holds(PgType.TEXT, "a"));
    }

    @Test
    void aBooleanThatMustDifferFromOneMustBeTheOther() {
        assertTrue(CheckConstants.of("CHECK (c <> false)").holds(PgType.BOOLEAN, "true"));
        assertFalse(CheckConstants.of("CHECK (c <> false)").holds(PgType.BOOLEAN, "false"));
        assertTrue(CheckConstants.of("CHECK (NOT c = false)").holds(PgType.BOOLEAN, "true"));
        assertTrue(CheckConstants.of("CHECK (c IS DISTINCT FROM false)").holds(PgType.BOOLEAN, "true"));
        assertFalse(CheckConstants.of("CHECK (c <> 'a'::text)").holds(PgType.TEXT, "a"));
    }

    @Test
    void textPostgreSqlNeverPrintsGivesNothingRatherThanAnError() {
        for (String broken : new String[] {"CHECK (", "CHECK ((c = ANY (ARRAY['a", "CHECK (c = ANY (ARRAY[", "CHECK",
                "CHECK (c = ANY ('{a,{b}}'::text[]))", "CHECK (c::)", "CHECK ((((", "CHECK (c = 'a'::varchar(3)"}) {
            CheckConstants constants = CheckConstants.of(broken);
            assertFalse(constants.holds(PgType.TEXT, "a") || constants.holds(PgType.TEXT, "b"), broken);
        }
    }
}
