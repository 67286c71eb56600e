package dev.atdd.core.verify;

import dev.atdd.core.migration.SqlLexer;
import dev.atdd.core.migration.SqlToken;
import dev.atdd.core.migration.SqlTokenKind;
import dev.atdd.core.types.PgType;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The constants a CHECK compares its column with, read from the text {@code pg_get_constraintdef}
 * prints, and normalized so that a contract value can be looked up by what it means rather than how
 * it is spelled. PostgreSQL prints a constant by its type, not as the migration wrote it: text quoted
 * ({@code 'a'::text}), booleans bare ({@code true}), integers and numerics bare when they read back as
 * such ({@code 5}, {@code 1.50}, {@code 0.0000001}) and quoted otherwise ({@code '-5'::integer},
 * {@code '100'::numeric}, {@code '5'::bigint}); an {@code IN} list becomes {@code = ANY (ARRAY[...])},
 * {@code NOT IN} becomes {@code <> ALL (ARRAY[...])} and {@code !=} becomes {@code <>}.
 *
 * @param texts    every string constant, unquoted (adjacent literals arrive joined)
 * @param numbers  every numeric constant, bare or quoted; numeric equality ignores scale, as PostgreSQL's does
 * @param booleans every {@code true} or {@code false}
 * @param regexes  every string constant matched with {@code ~} (not {@code !~}, {@code ~*} or {@code ~~}, LIKE)
 * @param negates  whether the definition negates anything ({@code NOT}, {@code <>}, {@code !~},
 *                 {@code IS DISTINCT FROM}): the constants it names may be the ones it refuses
 */
record CheckConstants(Set<String> texts, List<BigDecimal> numbers, Set<Boolean> booleans, Set<String> regexes,
                      boolean negates) {

    CheckConstants {
        texts = Set.copyOf(texts);
        numbers = List.copyOf(numbers);
        booleans = Set.copyOf(booleans);
        regexes = Set.copyOf(regexes);
    }

    /** The constants of {@code definition}, e.g. {@code CHECK (n = ANY (ARRAY['-1.5'::numeric, 0.1]))}. */
    static CheckConstants of(String definition) {
        List<SqlToken> tokens = SqlLexer.tokenize(definition);
        List<String> texts = tokens.stream().map(CheckConstants::unquoted).flatMap(Optional::stream).toList();
        List<BigDecimal> numbers = Stream.concat(
                        tokens.stream().filter(t -> t.kind() == SqlTokenKind.NUMBER).map(SqlToken::text),
                        // Negative numbers, numerics without a point, smallints and bigints come quoted with a cast.
                        texts.stream())
                .map(CheckConstants::number).flatMap(Optional::stream).toList();
        Set<Boolean> booleans = tokens.stream().filter(t -> t.isWord("true") || t.isWord("false"))
                .map(t -> t.isWord("true")).collect(Collectors.toSet());
        Set<String> regexes = new HashSet<>();
        boolean negates = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            SqlToken before = i > 0 ? tokens.get(i - 1) : null;
            SqlToken after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            negates |= token.isWord("not") && (before == null || !before.isWord("is"))
                    || token.isWord("distinct") && before != null && before.isWord("is")
                    || token.isOperator('!') || token.isOperator('<') && after != null && after.isOperator('>');
            if (token.isOperator('~') && (before == null || !before.isOperator('~') && !before.isOperator('!'))
                    && after != null) {
                unquoted(after).ifPresent(regexes::add);
            }
        }
        return new CheckConstants(Set.copyOf(texts), numbers, booleans, regexes, negates);
    }

    /**
     * Whether the CHECK allows {@code value}, a contract value as the type mapping wrote it for a column
     * of {@code type} ({@code true}, {@code 1.5}, {@code 100}, {@code it's}): it names the value and
     * negates nothing.
     */
    boolean holds(PgType type, String value) {
        if (negates) {
            return false;
        }
        return switch (type) {
            case BOOLEAN -> booleans.contains(Boolean.valueOf(value));
            case SMALLINT, INTEGER, BIGINT, NUMERIC -> number(value)
                    .map(wanted -> numbers.stream().anyMatch(n -> n.compareTo(wanted) == 0)).orElse(false);
            default -> texts.contains(value);
        };
    }

    /** Whether the CHECK matches its column with {@code regex} ({@code ~}) and negates nothing. */
    boolean matches(String regex) {
        return !negates && regexes.contains(regex);
    }

    /** The content of a plain {@code '...'} literal; the catalog prints no other form of string. */
    private static Optional<String> unquoted(SqlToken token) {
        return token.kind() == SqlTokenKind.STRING && token.text().startsWith("'")
                ? Optional.of(token.value()) : Optional.empty();
    }

    /** A finite decimal; {@code NaN}, {@code Infinity} and non-numbers are none. */
    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
