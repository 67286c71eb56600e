package dev.atdd.core.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Translates a JSON Schema {@code pattern} (an ECMAScript regular expression, unanchored) into a
 * PostgreSQL 15 advanced regular expression that gives the same answer under {@code ~}.
 *
 * <p>Only a checked subset is translated: literals, escaped punctuation, {@code \d \w \s} and their
 * negations, {@code .}, bracket classes, anchors, groups, alternation and quantifiers with counts up
 * to 255. Everything else — and every construct whose meaning differs between the two engines, such
 * as {@code \b} — is {@link Untranslatable} with a reason, never a guess. The output never uses
 * PostgreSQL's locale-dependent {@code \d \w \s} or character classes: every class is written out
 * by code point, so the answer does not depend on the database's locale. Characters outside the
 * Basic Multilingual Plane are refused because JavaScript treats them differently with and without
 * the {@code u} flag.
 */
public final class PatternTranslation {

    /** The outcome of a translation. */
    public sealed interface Result permits Translated, Untranslatable {
    }

    /** The pattern as a PostgreSQL ARE with the same meaning under {@code ~}. */
    public record Translated(String postgresRegex) implements Result {
    }

    /** The pattern cannot be enforced in PostgreSQL with the same meaning; {@code reason} says why. */
    public record Untranslatable(String reason) implements Result {
    }

    private static final int[][] DIGITS = {{'0', '9'}};
    private static final int[][] WORD = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
    /** ECMAScript WhiteSpace and LineTerminator, what JavaScript's {@code \s} matches. */
    private static final int[][] SPACE = {{0x09, 0x0D}, {0x20, 0x20}, {0xA0, 0xA0}, {0x1680, 0x1680},
        {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000},
        {0xFEFF, 0xFEFF}};
    /** JavaScript's {@code .} excludes the line terminators; PostgreSQL's {@code .} matches a newline. */
    private static final int[][] LINE_TERMINATORS = {{'\n', '\n'}, {'\r', '\r'}, {0x2028, 0x2029}};

    /** PostgreSQL's DUPMAX: a larger count does not compile. */
    private static final int MAX_COUNT = 255;

    /**
     * How many copies of its atoms PostgreSQL may make when it expands counted repetitions; nested counts
     * multiply. Measured on PostgreSQL 15: {@code (?:a{0,255}){0,40}} still compiles, {@code {0,100}}
     * outside it is "too complex", and only when the pattern is first used (in a CHECK: at the first INSERT).
     */
    private static final long MAX_EXPANSION = 10_000;

    private PatternTranslation() {
    }

    public static Result translate(String ecmaRegex) {
        try {
            return new Translated(new Translator(ecmaRegex).translate());
        } catch (Refusal refusal) {
            return new Untranslatable(refusal.getMessage());
        }
    }

    /** Thrown inside the translator to abandon it; never leaves this class. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @param text as the pattern writes it, for messages: the counts are capped just above the limit */
    private record Bound(int min, int max, int end, String text) {
        static final int UNBOUNDED = -1;

        /** As the translation writes it. */
        String counts() {
            if (max == min) {
                return "{" + min + "}";
            }
            return "{" + min + "," + (max == UNBOUNDED ? "" : Integer.toString(max)) + "}";
        }
    }

    /** A recursive-descent reader of the ECMAScript pattern grammar that writes the ARE as it goes. */
    private static final class Translator {
        private final int[] source;
        private final StringBuilder out = new StringBuilder();
        private int pos;

        Translator(String pattern) {
            this.source = pattern.codePoints().toArray();
        }

        String translate() {
            long expansion = disjunction();
            if (pos < source.length) {
                throw new Refusal("invalid syntax: unmatched )");
            }
            if (expansion > MAX_EXPANSION) {
                throw new Refusal("nested counted repetitions are too large for PostgreSQL (it expands them to more"
                        + " than " + MAX_EXPANSION + " copies and then fails as \"too complex\")");
            }
            return out.toString();
        }

        /** Each of these returns the expansion of what it read: the copies of atoms PostgreSQL would make. */
        private long disjunction() {
            long expansion = alternative();
            while (at('|')) {
                pos++;
                out.append('|');
                expansion = capped(expansion + alternative());
            }
            return expansion;
        }

        private long alternative() {
            long expansion = 0;
            while (pos < source.length && source[pos] != '|' && source[pos] != ')') {
                expansion = capped(expansion + term());
            }
            return expansion;
        }

        private static long capped(long expansion) {
            return Math.min(expansion, MAX_EXPANSION + 1);
        }

        private long term() {
            int c = source[pos];
            switch (c) {
                case '^', '$' -> {
                    pos++;
                    out.appendCodePoint(c);
                    if (atQuantifier()) {
                        throw new Refusal("invalid syntax: quantifier after the anchor " + Character.toString(c));
                    }
                    return 1;
                }
                case '(' -> {
                    return quantifier(group());
                }
                case '[' -> characterClass();
                case '.' -> {
                    pos++;
                    out.append(renderClass(true, List.of(LINE_TERMINATORS)));
                }
                case '\\' -> atomEscape();
                case '*', '+', '?' -> throw new Refusal("invalid syntax: nothing to repeat before " + Character.toString(c));
                case '{' -> throw new Refusal(boundAt(pos) != null
                        ? "invalid syntax: nothing to repeat before {"
                        : "an unescaped { that is not a quantifier (invalid with the u flag)");
                case '}', ']' -> throw new Refusal("an unescaped " + Character.toString(c) + " (invalid with the u flag)");
                default -> {
                    pos++;
                    out.append(literal(c));
                }
            }
            return quantifier(1);
        }

        private long group() {
            pos++;
            if (at('?')) {
                int kind = pos + 1 < source.length ? source[pos + 1] : -1;
                if (kind == ':') {
                    pos += 2;
                    out.append("(?:");
                } else if (kind == '=' || kind == '!') {
                    throw new Refusal("lookahead (?" + Character.toString(kind) + " is not translated");
                } else if (kind == '<') {
                    int next = pos + 2 < source.length ? source[pos + 2] : -1;
                    throw new Refusal(next == '=' || next == '!'
                            ? "lookbehind (?<" + Character.toString(next) + " is not translated"
                            : "named group (?<name>...) is not supported by PostgreSQL");
                } else {
                    throw new Refusal("invalid syntax: unknown group (?");
                }
            } else {
                out.append('(');
            }
            long expansion = disjunction();
            if (!at(')')) {
                throw new Refusal("invalid syntax: missing )");
            }
            pos++;
            out.append(')');
            return expansion;
        }

        /** Reads a quantifier after an atom of the given expansion, if there is one; returns the new expansion. */
        private long quantifier(long atom) {
            if (pos >= source.length) {
                return atom;
            }
            int c = source[pos];
            long expansion = atom;
            if (c == '*' || c == '+' || c == '?') {
                pos++;
                out.appendCodePoint(c);
            } else if (c == '{' && boundAt(pos) != null) {
                Bound bound = boundAt(pos);
                checkCounts(bound);
                pos = bound.end();
                out.append(bound.counts());
                // A count is expanded into copies: {2,5} into five, {3,} into four.
                expansion = capped(atom * Math.max(1, bound.max() == Bound.UNBOUNDED ? bound.min() + 1 : bound.max()));
            } else {
                return atom;
            }
            // A lazy quantifier matches the same strings: ~ only asks whether some match exists.
            if (at('?')) {
                pos++;
            }
            if (atQuantifier()) {
                throw new Refusal("invalid syntax: nothing to repeat (two quantifiers in a row)");
            }
            return expansion;
        }

        private static void checkCounts(Bound bound) {
            if (bound.min() > MAX_COUNT || bound.max() > MAX_COUNT) {
                throw new Refusal("a count above " + MAX_COUNT + " in " + bound.text()
                        + " (PostgreSQL's limit)");
            }
            if (bound.max() != Bound.UNBOUNDED && bound.max() < bound.min()) {
                throw new Refusal("invalid syntax: numbers out of order in " + bound.text());
            }
        }

        /** {@code {n}}, {@code {n,}} or {@code {n,m}} starting at {@code start}, or null when there is none. */
        private Bound boundAt(int start) {
            int i = start + 1;
            int minStart = i;
            while (i < source.length && isDigit(source[i])) {
                i++;
            }
            if (i == minStart) {
                return null;
            }
            int min = count(minStart, i);
            int max = min;
            if (i < source.length && source[i] == ',') {
                i++;
                int maxStart = i;
                while (i < source.length && isDigit(source[i])) {
                    i++;
                }
                max = i == maxStart ? Bound.UNBOUNDED : count(maxStart, i);
            }
            if (i >= source.length || source[i] != '}') {
                return null;
            }
            return new Bound(min, max, i + 1, new String(source, start, i + 1 - start));
        }

        /** The decimal number in {@code [from, to)}, capped just above the limit so it cannot overflow. */
        private int count(int from, int to) {
            long value = 0;
            for (int i = from; i < to; i++) {
                value = Math.min(value * 10 + (source[i] - '0'), MAX_COUNT + 1L);
            }
            return (int) value;
        }

        private boolean atQuantifier() {
            if (pos >= source.length) {
                return false;
            }
            int c = source[pos];
            return c == '*' || c == '+' || c == '?' || (c == '{' && boundAt(pos) != null);
        }

        private void atomEscape() {
            pos++;
            if (pos >= source.length) {
                throw new Refusal("invalid syntax: the pattern ends with a lone \\");
            }
            int c = source[pos++];
            switch (c) {
                case 'd' -> out.append(renderClass(false, List.of(DIGITS)));
                case 'D' -> out.append(renderClass(true, List.of(DIGITS)));
                case 'w' -> out.append(renderClass(false, List.of(WORD)));
                case 'W' -> out.append(renderClass(true, List.of(WORD)));
                case 's' -> out.append(renderClass(false, List.of(SPACE)));
                case 'S' -> out.append(renderClass(true, List.of(SPACE)));
                case 'b', 'B' -> throw new Refusal("word boundary \\" + Character.toString(c)
                        + " (in PostgreSQL \\b is a backspace and \\B a backslash)");
                default -> out.append(literal(characterEscape(c)));
            }
        }

        /** The character a non-class escape {@code \c} stands for, or a refusal. {@code pos} is after {@code c}. */
        private int characterEscape(int c) {
            switch (c) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'v':
                    return 0x0B;
                case 'f':
                    return '\f';
                case 'r':
                    return '\r';
                case 'x':
                    return hex(2);
                case 'u':
                    if (at('{')) {
                        throw new Refusal("the escape \\u{...} (only valid with the u flag)");
                    }
                    int unit = hex(4);
                    if (Character.isSurrogate((char) unit)) {
                        throw new Refusal("a surrogate escape \\u" + hexText(unit)
                                + " (characters outside the Basic Multilingual Plane are not translated)");
                    }
                    return unit;
                case '0':
                    throw new Refusal("the escape \\0 (NUL, which PostgreSQL text cannot hold)");
                case 'k':
                    throw new Refusal("named backreference \\k is not supported by PostgreSQL");
                case 'p', 'P':
                    throw new Refusal("unicode property escape \\" + Character.toString(c) + "{...} is not translated");
                case 'c':
                    throw new Refusal("control escape \\c is not translated");
                default:
                    if (c >= '1' && c <= '9') {
                        throw new Refusal("backreference \\" + Character.toString(c) + " is not translated");
                    }
                    if (c < 0x80 && !Character.isLetterOrDigit(c) && c > 0x20) {
                        return c;
                    }
                    throw new Refusal("unknown escape \\" + Character.toString(c) + " (invalid with the u flag)");
            }
        }

        private int hex(int digits) {
            if (pos + digits > source.length) {
                throw new Refusal("invalid syntax: an incomplete hexadecimal escape");
            }
            int value = 0;
            for (int i = 0; i < digits; i++) {
                int digit = Character.digit(source[pos + i], 16);
                if (digit < 0) {
                    throw new Refusal("invalid syntax: an incomplete hexadecimal escape");
                }
                value = value * 16 + digit;
            }
            pos += digits;
            return value;
        }

        private void characterClass() {
            pos++;
            boolean negated = at('^');
            if (negated) {
                pos++;
            }
            if (at(']')) {
                throw new Refusal(negated
                        ? "[^] (any character) is refused by PostgreSQL"
                        : "[] (no character) is refused by PostgreSQL");
            }
            List<int[]> ranges = new ArrayList<>();
            while (true) {
                if (pos >= source.length) {
                    throw new Refusal("invalid syntax: missing ] after [");
                }
                if (source[pos] == ']') {
                    pos++;
                    break;
                }
                int[][] first = classAtom();
                if (at('-') && pos + 1 < source.length && source[pos + 1] != ']') {
                    pos++;
                    int[][] last = classAtom();
                    if (!isSingle(first) || !isSingle(last)) {
                        throw new Refusal("a class escape such as \\d used as the end of a range in [...]");
                    }
                    if (first[0][0] > last[0][0]) {
                        throw new Refusal("invalid syntax: range out of order in [...]");
                    }
                    ranges.add(new int[] {first[0][0], last[0][0]});
                } else {
                    ranges.addAll(List.of(first));
                }
            }
            out.append(renderClass(negated, ranges));
        }

        private static boolean isSingle(int[][] ranges) {
            return ranges.length == 1 && ranges[0][0] == ranges[0][1];
        }

        /** One member of a bracket class: a single character or the ranges of a class escape. */
        private int[][] classAtom() {
            int c = source[pos++];
            if (c != '\\') {
                checkCharacter(c);
                return new int[][] {{c, c}};
            }
            if (pos >= source.length) {
                throw new Refusal("invalid syntax: the pattern ends with a lone \\");
            }
            int e = source[pos++];
            switch (e) {
                case 'd':
                    return DIGITS;
                case 'w':
                    return WORD;
                case 's':
                    return SPACE;
                case 'D', 'W', 'S':
                    throw new Refusal("\\" + Character.toString(e) + " inside a character class is not translated");
                case 'b':
                    return new int[][] {{0x08, 0x08}};
                case 'B':
                    throw new Refusal("\\B inside a character class (invalid with the u flag)");
                case '-':
                    return new int[][] {{'-', '-'}};
                default:
                    int single = characterEscape(e);
                    checkCharacter(single);
                    return new int[][] {{single, single}};
            }
        }

        private boolean at(int c) {
            return pos < source.length && source[pos] == c;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static void checkCharacter(int c) {
        if (c == 0) {
            throw new Refusal("a NUL character, which PostgreSQL text cannot hold");
        }
        if (c > 0xFFFF) {
            throw new Refusal("the character " + Character.toString(c)
                    + " outside the Basic Multilingual Plane (JavaScript reads it differently with and without the u flag)");
        }
    }

    /** A literal character outside brackets, escaped when it is special in an ARE. */
    private static String literal(int c) {
        checkCharacter(c);
        if ("^$.[]()|*+?{}\\".indexOf(c) >= 0) {
            return "\\" + (char) c;
        }
        return plain(c);
    }

    /** A character inside brackets, escaped when it is special there. */
    private static String classMember(int c) {
        if ("[]^-\\".indexOf(c) >= 0) {
            return "\\" + (char) c;
        }
        return plain(c);
    }

    private static String plain(int c) {
        switch (c) {
            case '\t':
                return "\\t";
            case '\n':
                return "\\n";
            case 0x0B:
                return "\\v";
            case '\f':
                return "\\f";
            case '\r':
                return "\\r";
            default:
                if (c >= 0x20 && c < 0x7F) {
                    return Character.toString(c);
                }
                return invisible(c) ? "\\u" + hexText(c) : Character.toString(c);
        }
    }

    /** Characters a reviewer could not see or tell apart in the SQL file are written as escapes. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    private static String hexText(int c) {
        return String.format("%04x", c);
    }

    /** A bracket expression for the union of the ranges, sorted and merged so PostgreSQL always accepts it. */
    private static String renderClass(boolean negated, List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder text = new StringBuilder(negated ? "[^" : "[");
        int i = 0;
        while (i < sorted.size()) {
            int low = sorted.get(i)[0];
            int high = sorted.get(i)[1];
            i++;
            while (i < sorted.size() && sorted.get(i)[0] <= high + 1) {
                high = Math.max(high, sorted.get(i)[1]);
                i++;
            }
            text.append(classMember(low));
            if (high == low + 1) {
                text.append(classMember(high));
            } else if (high > low) {
                text.append('-').append(classMember(high));
            }
        }
        return text.append(']').toString();
    }
}
