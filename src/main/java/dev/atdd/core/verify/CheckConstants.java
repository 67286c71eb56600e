package dev.atdd.core.verify;

import dev.atdd.core.migration.SqlLexer;
import dev.atdd.core.migration.SqlToken;
import dev.atdd.core.migration.SqlTokenKind;
import dev.atdd.core.types.PgType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The constants a CHECK lets its column equal, and the regexes it makes it match, read from the text
 * {@code pg_get_constraintdef} prints and normalized so that a contract value can be looked up by what
 * it means rather than how it is spelled.
 *
 * <p>Only positive evidence counts: a constant compared with {@code =} (or {@code = ANY (ARRAY[...])}),
 * {@code IS NOT DISTINCT FROM}, or a regex matched with {@code ~} or {@code regexp_like}, in a part of
 * the condition that is not negated. {@code NOT}, {@code IS FALSE} and {@code IS NOT TRUE} negate
 * what they apply to, so {@code NOT (s <> 'a')} counts and {@code s <> ALL (...)} (a {@code NOT IN})
 * does not. Other conditions beside it, joined with {@code AND} or {@code OR}, neither add nor take
 * away ({@code s IN ('a', 'b') AND s <> ''} carries both values).
 *
 * <p>PostgreSQL prints a constant by its type, not as the migration wrote it: text quoted
 * ({@code 'a'::text}), booleans bare ({@code true}), integers and numerics bare when they read back as
 * such ({@code 5}, {@code 1.50}, {@code 0.0000001}) and quoted otherwise ({@code '-5'::integer},
 * {@code '100'::numeric}, {@code '5'::bigint}); {@code IN} becomes {@code = ANY (ARRAY[...])},
 * {@code NOT IN} becomes {@code <> ALL (ARRAY[...])}, {@code !=} becomes {@code <>} and
 * {@code IS NOT DISTINCT FROM} becomes {@code NOT (... IS DISTINCT FROM ...)}.
 *
 * @param texts    every string constant so compared, unquoted (adjacent literals arrive joined)
 * @param numbers  every numeric constant so compared, bare or quoted; numeric equality ignores scale,
 *                 as PostgreSQL's does
 * @param booleans every {@code true} or {@code false} so compared, and a boolean column's own value
 *                 where the condition is the column itself ({@code CHECK (b)}, {@code b IS NOT TRUE})
 * @param regexes  every string constant matched with {@code ~} (not {@code ~*}, {@code ~~}: LIKE, ...)
 */
record CheckConstants(Set<String> texts, List<BigDecimal> numbers, Set<Boolean> booleans, Set<String> regexes) {

    CheckConstants {
        texts = Set.copyOf(texts);
        numbers = List.copyOf(numbers);
        booleans = Set.copyOf(booleans);
        regexes = Set.copyOf(regexes);
    }

    /** The constants of {@code definition}, e.g. {@code CHECK (n = ANY (ARRAY['-1.5'::numeric, 0.1]))}. */
    static CheckConstants of(String definition) {
        List<SqlToken> tokens = SqlLexer.tokenize(definition);
        Reading reading = new Reading();
        // CHECK (condition), maybe followed by NOT VALID or NO INHERIT.
        if (tokens.size() > 1 && tokens.get(0).isWord("check") && tokens.get(1).isPunctuation('(')) {
            reading.condition(tokens.subList(2, closing(tokens, 1)), true);
        }
        return new CheckConstants(reading.texts, reading.numbers, reading.booleans, reading.regexes);
    }

    /**
     * Whether the CHECK allows {@code value}, a contract value as the type mapping wrote it for a column
     * of {@code type} ({@code true}, {@code 1.5}, {@code 100}, {@code it's}).
     */
    boolean holds(PgType type, String value) {
        return switch (type) {
            case BOOLEAN -> booleans.contains(Boolean.valueOf(value));
            case SMALLINT, INTEGER, BIGINT, NUMERIC -> number(value)
                    .map(wanted -> numbers.stream().anyMatch(n -> n.compareTo(wanted) == 0)).orElse(false);
            default -> texts.contains(value);
        };
    }

    /** Whether the CHECK makes its column match {@code regex}. */
    boolean matches(String regex) {
        return regexes.contains(regex);
    }

    /** Walks the condition, keeping the constants it compares with in a part that is not negated. */
    private static final class Reading {
        private final Set<String> texts = new HashSet<>();
        private final List<BigDecimal> numbers = new ArrayList<>();
        private final Set<Boolean> booleans = new HashSet<>();
        private final Set<String> regexes = new HashSet<>();

        /** @param positive false under an odd number of negations */
        void condition(List<SqlToken> tokens, boolean positive) {
            for (String junction : List.of("or", "and")) {
                List<List<SqlToken>> parts = split(tokens, t -> t.isWord(junction));
                if (parts.size() > 1) {
                    parts.forEach(part -> condition(part, positive));
                    return;
                }
            }
            if (tokens.isEmpty()) {
                return;
            }
            if (tokens.get(0).isWord("not")) {
                condition(tokens.subList(1, tokens.size()), !positive);
                return;
            }
            int n = tokens.size();
            SqlToken last = tokens.get(n - 1);
            boolean not = n > 2 && tokens.get(n - 2).isWord("not");
            int is = n - (not ? 3 : 2);
            if (is > 0 && tokens.get(is).isWord("is")
                    && (last.isWord("true") || last.isWord("false") || last.isWord("null") || last.isWord("unknown"))) {
                // IS [NOT] NULL or UNKNOWN tests nullness: no value follows from it.
                if (last.isWord("true") || last.isWord("false")) {
                    condition(tokens.subList(0, is), positive ^ not ^ last.isWord("false"));
                }
                return;
            }
            if (tokens.get(0).isPunctuation('(') && closing(tokens, 0) == n - 1) {
                condition(tokens.subList(1, n - 1), positive);
                return;
            }
            comparison(tokens, positive);
        }

        private void comparison(List<SqlToken> tokens, boolean positive) {
            int depth = 0;
            for (int i = 0; i < tokens.size(); i++) {
                SqlToken token = tokens.get(i);
                depth += opens(token) ? 1 : closes(token) ? -1 : 0;
                if (depth != 0 || opens(token) || closes(token)) {
                    continue;
                }
                if (token.isWord("is")) {
                    int at = i + 1;
                    boolean not = at < tokens.size() && tokens.get(at).isWord("not");
                    at += not ? 1 : 0;
                    if (at + 1 < tokens.size() && tokens.get(at).isWord("distinct") && tokens.get(at + 1).isWord("from")) {
                        if (positive == not) {
                            constant(tokens.subList(0, i));
                            constant(tokens.subList(at + 2, tokens.size()));
                        }
                    }
                    return;
                }
                if (token.kind() == SqlTokenKind.OPERATOR && !isCast(token)) {
                    int end = i + 1;
                    while (end < tokens.size() && tokens.get(end).kind() == SqlTokenKind.OPERATOR
                            && tokens.get(end).start() == tokens.get(end - 1).end()) {
                        end++;
                    }
                    StringBuilder operator = new StringBuilder();
                    tokens.subList(i, end).forEach(t -> operator.append(t.text()));
                    compared(operator.toString(), tokens.subList(0, i), tokens.subList(end, tokens.size()), positive);
                    return;
                }
            }
            if (tokens.size() == 1 && isColumn(tokens.get(0))) {
                // CHECK (b): a boolean column that must be true (false under NOT).
                booleans.add(positive);
            } else if (positive && tokens.size() > 2 && tokens.get(0).isWord("regexp_like")
                    && tokens.get(1).isPunctuation('(') && closing(tokens, 1) == tokens.size() - 1) {
                List<List<SqlToken>> arguments = split(tokens.subList(2, tokens.size() - 1), t -> t.isPunctuation(','));
                if (arguments.size() == 2) {
                    regex(arguments.get(1));
                }
            }
        }

        private void compared(String operator, List<SqlToken> left, List<SqlToken> right, boolean positive) {
            boolean array = !right.isEmpty() && (right.get(0).isWord("any") || right.get(0).isWord("all"));
            switch (operator) {
                case "=" -> {
                    if (positive && (!array || right.get(0).isWord("any"))) {
                        constants(left);
                        constants(right);
                    }
                }
                case "<>" -> {
                    if (!positive && (!array || right.get(0).isWord("all"))) {
                        constants(left);
                        constants(right);
                    }
                }
                case "~" -> {
                    if (positive) {
                        regex(right);
                    }
                }
                case "!~" -> {
                    if (!positive) {
                        regex(right);
                    }
                }
                default -> {
                    // <, >=, ~*, ~~ (LIKE) and the rest say nothing about equal values.
                }
            }
        }

        /** One constant, or the elements of {@code ANY|ALL (ARRAY[...])} that are constants. */
        private void constants(List<SqlToken> operand) {
            if (operand.isEmpty() || !(operand.get(0).isWord("any") || operand.get(0).isWord("all"))) {
                constant(operand);
                return;
            }
            for (int i = 1; i + 1 < operand.size(); i++) {
                if (operand.get(i).isWord("array") && operand.get(i + 1).isOperator('[')) {
                    int close = closing(operand, i + 1);
                    split(operand.subList(i + 2, close), t -> t.isPunctuation(',')).forEach(this::constant);
                    return;
                }
            }
        }

        /** A constant with its casts, {@code '-5'::integer} or {@code ('a'::text COLLATE "C")}; nothing else. */
        private void constant(List<SqlToken> operand) {
            List<SqlToken> tokens = unwrapped(operand);
            if (tokens.isEmpty() || !tokens.subList(1, tokens.size()).stream().allMatch(CheckConstants::isCastPart)) {
                return;
            }
            SqlToken token = tokens.get(0);
            if (token.isWord("true") || token.isWord("false")) {
                booleans.add(token.isWord("true"));
            } else if (token.kind() == SqlTokenKind.NUMBER) {
                number(token.text()).ifPresent(numbers::add);
            } else {
                unquoted(token).ifPresent(text -> {
                    texts.add(text);
                    // Negative numbers, numerics without a point, smallints and bigints come quoted with a cast.
                    number(text).ifPresent(numbers::add);
                });
            }
        }

        private void regex(List<SqlToken> operand) {
            List<SqlToken> tokens = unwrapped(operand);
            if (!tokens.isEmpty() && tokens.subList(1, tokens.size()).stream().allMatch(CheckConstants::isCastPart)) {
                unquoted(tokens.get(0)).ifPresent(regexes::add);
            }
        }
    }

    /** The tokens inside the parentheses that wrap all of them, however many pairs. */
    private static List<SqlToken> unwrapped(List<SqlToken> tokens) {
        List<SqlToken> inner = tokens;
        while (!inner.isEmpty() && inner.get(0).isPunctuation('(') && closing(inner, 0) == inner.size() - 1) {
            inner = inner.subList(1, inner.size() - 1);
        }
        return inner;
    }

    /** What may follow a constant without making it an expression: casts, type names, a collation. */
    private static boolean isCastPart(SqlToken token) {
        return isCast(token) || token.kind() == SqlTokenKind.WORD || token.kind() == SqlTokenKind.QUOTED_IDENTIFIER
                || token.kind() == SqlTokenKind.NUMBER || token.isPunctuation('(') || token.isPunctuation(')')
                || token.isPunctuation(',');
    }

    /** {@code ::} and the brackets of an array type. */
    private static boolean isCast(SqlToken token) {
        return token.isOperator(':') || token.isOperator('[') || token.isOperator(']');
    }

    private static boolean isColumn(SqlToken token) {
        return token.kind() == SqlTokenKind.QUOTED_IDENTIFIER || token.kind() == SqlTokenKind.WORD
                && !token.isWord("true") && !token.isWord("false") && !token.isWord("null");
    }

    private static boolean opens(SqlToken token) {
        return token.isPunctuation('(') || token.isOperator('[') || token.isWord("case");
    }

    private static boolean closes(SqlToken token) {
        return token.isPunctuation(')') || token.isOperator(']') || token.isWord("end");
    }

    /** The index of the token that closes the one opened at {@code open}, or the last index when none does. */
    private static int closing(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += opens(tokens.get(i)) ? 1 : closes(tokens.get(i)) ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** The runs between separators outside any parentheses, brackets or CASE. */
    private static List<List<SqlToken>> split(List<SqlToken> tokens, Predicate<SqlToken> separator) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += opens(token) ? 1 : closes(token) ? -1 : 0;
            if (depth == 0 && separator.test(token)) {
                parts.add(tokens.subList(from, i));
                from = i + 1;
            }
        }
        parts.add(tokens.subList(from, tokens.size()));
        return parts;
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
