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
 * <p>Only positive evidence counts: the column itself (cast or not) compared with a constant by
 * {@code =}, {@code = ANY (ARRAY[...])}, {@code = ANY ('{...}'::text[])} or {@code IS NOT DISTINCT
 * FROM}, or matched with a regex by {@code ~} or {@code regexp_like(column, regex)}, in a part of the
 * condition that is not negated. {@code NOT}, {@code IS FALSE} and {@code IS NOT TRUE} negate what
 * they apply to, so {@code NOT (s <> 'a')} counts and {@code s <> ALL (...)} (a {@code NOT IN}) does
 * not; a boolean column that differs from {@code false} equals {@code true}. An expression of the
 * column ({@code lower(s)}) is not the column. Other conditions beside it, joined with {@code AND} or
 * {@code OR}, neither add nor take away: {@code s IN ('a', 'b') AND s <> ''} carries both values,
 * and so, without noticing the contradiction, does {@code s IN ('a', 'b') AND s <> 'a'}. A
 * {@code CASE} is not looked into.
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
 * @param booleans every boolean the column is so held to, and a boolean column's own value where the
 *                 condition is the column itself ({@code CHECK (b)}, {@code b IS NOT TRUE})
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
            int close = closing(tokens, 1);
            if (close > 1) {
                reading.condition(tokens.subList(2, close), true);
            }
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

    /** Walks the condition, keeping what it holds the column to in a part that is not negated. */
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
                        scalar(tokens.subList(0, i), tokens.subList(at + 2, tokens.size()), not == positive);
                    }
                    return;
                }
                if (token.kind() == SqlTokenKind.OPERATOR && !token.isOperator(':')) {
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
                if (arguments.size() == 2 && isColumnOperand(arguments.get(0))) {
                    regex(arguments.get(1));
                }
            }
        }

        private void compared(String operator, List<SqlToken> left, List<SqlToken> right, boolean positive) {
            boolean any = !right.isEmpty() && right.get(0).isWord("any");
            boolean all = !right.isEmpty() && right.get(0).isWord("all");
            switch (operator) {
                case "=", "<>" -> {
                    boolean equal = operator.equals("=") == positive;
                    if (!any && !all) {
                        scalar(left, right, equal);
                    } else if (isColumnOperand(left) && (any && operator.equals("=") && positive
                            || all && operator.equals("<>") && !positive)) {
                        elements(right.subList(1, right.size()));
                    }
                }
                case "~", "!~" -> {
                    if (operator.equals("~") == positive && isColumnOperand(left)) {
                        regex(right);
                    }
                }
                default -> {
                    // <, >=, ~*, ~~ (LIKE) and the rest say nothing about equal values.
                }
            }
        }

        /**
         * The column on one side, a constant on the other: held to the constant when {@code equal}; a
         * boolean column that must differ from one boolean must be the other.
         */
        private void scalar(List<SqlToken> left, List<SqlToken> right, boolean equal) {
            List<SqlToken> constant = isColumnOperand(left) ? right : isColumnOperand(right) ? left : List.of();
            if (equal) {
                constant(constant);
            } else {
                Reading differs = new Reading();
                differs.constant(constant);
                differs.booleans.forEach(b -> booleans.add(!b));
            }
        }

        /**
         * The elements of {@code (ARRAY[...])} or {@code ('{...}'::type[])} that are constants; nothing
         * for another expression of an array ({@code array_remove(...)}, a slice).
         */
        private void elements(List<SqlToken> array) {
            List<SqlToken> tokens = unwrapped(array);
            if (tokens.isEmpty()) {
                return;
            }
            if (tokens.get(0).isPunctuation('(')) {
                // (ARRAY[...])::text[], as a varchar column's IN list prints
                int close = closing(tokens, 0);
                if (close > 0 && castsOnly(tokens, close + 1)) {
                    elements(tokens.subList(1, close));
                }
            } else if (tokens.size() > 1 && tokens.get(0).isWord("array") && tokens.get(1).isOperator('[')) {
                int close = closing(tokens, 1);
                if (close > 1 && castsOnly(tokens, close + 1)) {
                    split(tokens.subList(2, close), t -> t.isPunctuation(',')).forEach(this::constant);
                }
            } else if (castsOnly(tokens, 1)) {
                unquoted(tokens.get(0)).flatMap(CheckConstants::arrayLiteral).ifPresent(values -> values.forEach(value -> {
                    if (value.equals("t") || value.equals("true") || value.equals("f") || value.equals("false")) {
                        booleans.add(value.startsWith("t"));
                    }
                    text(value);
                }));
            }
        }

        /** A constant with its casts, {@code '-5'::integer} or {@code ('a'::text COLLATE "C")}; nothing else. */
        private void constant(List<SqlToken> operand) {
            List<SqlToken> tokens = unwrapped(operand);
            if (tokens.isEmpty() || !castsOnly(tokens, 1)) {
                return;
            }
            SqlToken token = tokens.get(0);
            if (token.isWord("true") || token.isWord("false")) {
                booleans.add(token.isWord("true"));
            } else if (token.kind() == SqlTokenKind.NUMBER) {
                number(token.text()).ifPresent(numbers::add);
            } else {
                unquoted(token).ifPresent(this::text);
            }
        }

        private void text(String text) {
            texts.add(text);
            // Negative numbers, numerics without a point, smallints and bigints come quoted with a cast.
            number(text).ifPresent(numbers::add);
        }

        private void regex(List<SqlToken> operand) {
            List<SqlToken> tokens = unwrapped(operand);
            if (!tokens.isEmpty() && castsOnly(tokens, 1)) {
                unquoted(tokens.get(0)).ifPresent(regexes::add);
            }
        }
    }

    /** The column, maybe parenthesized, cast or given a collation: {@code s}, {@code (s)::text}, {@code "S"}. */
    private static boolean isColumnOperand(List<SqlToken> operand) {
        List<SqlToken> tokens = unwrapped(operand);
        if (tokens.isEmpty()) {
            return false;
        }
        if (tokens.get(0).isPunctuation('(')) {
            int close = closing(tokens, 0);
            return close > 0 && isColumnOperand(tokens.subList(1, close)) && castsOnly(tokens, close + 1);
        }
        return isColumn(tokens.get(0)) && castsOnly(tokens, 1);
    }

    /**
     * Whether the tokens from {@code from} on are only casts and collations: {@code ::text},
     * {@code ::character varying(20)[]}, {@code ::extensions.citext}, {@code COLLATE "C"}.
     */
    private static boolean castsOnly(List<SqlToken> tokens, int from) {
        int i = from;
        while (i < tokens.size()) {
            boolean cast = tokens.get(i).isOperator(':') && i + 1 < tokens.size() && tokens.get(i + 1).isOperator(':');
            if (!cast && !tokens.get(i).isWord("collate")) {
                return false;
            }
            i += cast ? 2 : 1;
            int name = i;
            while (i < tokens.size() && !tokens.get(i).isOperator(':') && !tokens.get(i).isWord("collate")) {
                SqlToken token = tokens.get(i);
                if (token.isPunctuation('(') && cast) {
                    // A type modifier: varchar(20), numeric(10, 2).
                    int close = closing(tokens, i);
                    if (close < 0) {
                        return false;
                    }
                    i = close + 1;
                } else if (token.kind() == SqlTokenKind.WORD || token.kind() == SqlTokenKind.QUOTED_IDENTIFIER
                        || token.isPunctuation('.') || token.isOperator('[') || token.isOperator(']')) {
                    i++;
                } else {
                    return false;
                }
            }
            if (i == name) {
                return false;
            }
        }
        return true;
    }

    private static boolean isColumn(SqlToken token) {
        return token.kind() == SqlTokenKind.QUOTED_IDENTIFIER || token.kind() == SqlTokenKind.WORD
                && !token.isWord("true") && !token.isWord("false") && !token.isWord("null");
    }

    /**
     * The elements of an array literal as PostgreSQL prints it, {@code {a,"b c","d\"e"}}; empty for a
     * nested array. {@code NULL} elements are left out.
     */
    static Optional<List<String>> arrayLiteral(String text) {
        if (!text.startsWith("{") || !text.endsWith("}")) {
            return Optional.empty();
        }
        List<String> elements = new ArrayList<>();
        String body = text.substring(1, text.length() - 1);
        int i = 0;
        while (i < body.length()) {
            StringBuilder element = new StringBuilder();
            boolean quoted = body.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < body.length() && body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\' && i + 1 < body.length()) {
                        i++;
                    }
                    element.append(body.charAt(i++));
                }
                i++;
            } else {
                while (i < body.length() && body.charAt(i) != ',') {
                    if (body.charAt(i) == '{' || body.charAt(i) == '"') {
                        return Optional.empty();
                    }
                    element.append(body.charAt(i++));
                }
            }
            String value = quoted ? element.toString() : element.toString().strip();
            if (quoted || !value.equalsIgnoreCase("null")) {
                elements.add(value);
            }
            if (i < body.length() && body.charAt(i) != ',') {
                return Optional.empty();
            }
            i++;
        }
        return Optional.of(elements);
    }

    private static boolean opens(SqlToken token) {
        return token.isPunctuation('(') || token.isOperator('[') || token.isWord("case");
    }

    private static boolean closes(SqlToken token) {
        return token.isPunctuation(')') || token.isOperator(']') || token.isWord("end");
    }

    /** The index of the token that closes the one opened at {@code open}, or -1 when none does. */
    private static int closing(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += opens(tokens.get(i)) ? 1 : closes(tokens.get(i)) ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The tokens inside the parentheses that wrap all of them, however many pairs. */
    private static List<SqlToken> unwrapped(List<SqlToken> tokens) {
        List<SqlToken> inner = tokens;
        while (!inner.isEmpty() && inner.get(0).isPunctuation('(') && closing(inner, 0) == inner.size() - 1) {
            inner = inner.subList(1, inner.size() - 1);
        }
        return inner;
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
