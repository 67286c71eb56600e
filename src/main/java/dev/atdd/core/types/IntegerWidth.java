package dev.atdd.core.types;

import dev.atdd.core.contract.SchemaProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The narrowest of INTEGER, BIGINT and NUMERIC that holds every integer a schema admits, judged by
 * {@code format: int64}, the bounds and (for an enum) the values. Unbounded integers stay INTEGER,
 * as the specification's table says; a bound outside 32 bits is what asks for more.
 */
final class IntegerWidth {

    private static final BigInteger SMALLINT_MIN = BigInteger.valueOf(Short.MIN_VALUE);
    private static final BigInteger SMALLINT_MAX = BigInteger.valueOf(Short.MAX_VALUE);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private IntegerWidth() {
    }

    /**
     * @param schema   the integer schema (its {@code format} and bounds are read)
     * @param pointer  its JSON pointer, for problems
     * @param values   enum values that must fit too (empty when there is no enum)
     * @param problems where malformed bounds are reported
     */
    static PgType of(JsonNode schema, String pointer, Collection<BigInteger> values, Set<SchemaProblem> problems) {
        BigInteger lowest = bound(schema, pointer, problems, true);
        BigInteger highest = bound(schema, pointer, problems, false);
        boolean wide = "int64".equals(schema.path("format").asText());
        boolean int32 = true;
        boolean int64 = true;
        for (BigInteger bound : concat(lowest, highest, values)) {
            int32 &= bound.compareTo(INT_MIN) >= 0 && bound.compareTo(INT_MAX) <= 0;
            int64 &= bound.compareTo(LONG_MIN) >= 0 && bound.compareTo(LONG_MAX) <= 0;
        }
        if (!int64) {
            return PgType.NUMERIC;
        }
        return int32 && !wide ? PgType.INTEGER : PgType.BIGINT;
    }

    /**
     * SMALLINT where every integer the schema admits lies within 16 bits (both bounds, or the enum
     * values, say so), which a table may choose though the mapping writes INTEGER; else {@code width}.
     *
     * @param width what {@link #of} gave for the same schema and values
     */
    static PgType narrowest(PgType width, JsonNode schema, String pointer, Collection<BigInteger> values,
                            Set<SchemaProblem> problems) {
        if (width != PgType.INTEGER) {
            return width;
        }
        List<BigInteger> admitted = values.isEmpty()
                ? concat(bound(schema, pointer, problems, true), bound(schema, pointer, problems, false), values)
                : List.copyOf(values);
        boolean bounded = !values.isEmpty() || admitted.size() == 2;
        boolean int16 = admitted.stream()
                .allMatch(n -> n.compareTo(SMALLINT_MIN) >= 0 && n.compareTo(SMALLINT_MAX) <= 0);
        return bounded && int16 ? PgType.SMALLINT : width;
    }

    private static List<BigInteger> concat(BigInteger lowest, BigInteger highest, Collection<BigInteger> values) {
        List<BigInteger> all = new ArrayList<>(values);
        if (lowest != null) {
            all.add(lowest);
        }
        if (highest != null) {
            all.add(highest);
        }
        return all;
    }

    /**
     * The smallest ({@code lower}) or largest integer the bounds admit, or null when that side is
     * unbounded. A decimal bound is rounded inwards; an exclusive one steps past itself.
     */
    private static BigInteger bound(JsonNode schema, String pointer, Set<SchemaProblem> problems, boolean lower) {
        JsonNode exclusive = schema.get(lower ? "exclusiveMinimum" : "exclusiveMaximum");
        // draft-04 wrote an exclusive bound as "exclusiveMinimum": true beside "minimum"
        boolean draft4 = exclusive != null && exclusive.isBoolean();
        BigInteger result = null;
        BigDecimal inclusive = number(schema, lower ? "minimum" : "maximum", pointer, problems);
        if (inclusive != null) {
            result = draft4 && exclusive.asBoolean() ? beyond(inclusive, lower) : within(inclusive, lower);
        }
        BigDecimal strict = draft4 ? null : number(schema, lower ? "exclusiveMinimum" : "exclusiveMaximum",
                pointer, problems);
        if (strict != null) {
            BigInteger fromStrict = beyond(strict, lower);
            result = result == null ? fromStrict : lower ? result.max(fromStrict) : result.min(fromStrict);
        }
        return result;
    }

    private static BigInteger within(BigDecimal bound, boolean lower) {
        return bound.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigInteger();
    }

    private static BigInteger beyond(BigDecimal bound, boolean lower) {
        BigInteger rounded = bound.setScale(0, lower ? RoundingMode.FLOOR : RoundingMode.CEILING).toBigInteger();
        return lower ? rounded.add(BigInteger.ONE) : rounded.subtract(BigInteger.ONE);
    }

    private static BigDecimal number(JsonNode schema, String keyword, String pointer, Set<SchemaProblem> problems) {
        JsonNode value = schema.get(keyword);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())
                && !value.isBigDecimal())) {
            problems.add(new SchemaProblem(pointer + "/" + keyword, "must be a finite number"));
            return null;
        }
        return value.decimalValue();
    }
}
