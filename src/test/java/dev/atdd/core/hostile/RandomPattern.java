package dev.atdd.core.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A random ECMAScript pattern from a grammar whose meaning java.util.regex can reproduce exactly, so
 * that Java can serve as the oracle: each construct is written twice, as the JavaScript text a contract
 * holds and as a Java text with the same meaning ({@code .} and {@code \s} written out as JavaScript
 * defines them, {@code $} as {@code \z}).
 *
 * @param ecma       the pattern as a contract would hold it
 * @param oracle     the same language in java.util.regex, for {@code find()} (JSON Schema patterns are unanchored)
 * @param candidates strings to try: some built to match, some mutated, some random
 * @param expansion  how many copies of atoms PostgreSQL would make of it: counted repetitions are expanded
 */
record RandomPattern(String ecma, Pattern oracle, List<String> candidates, long expansion) {

    /** JavaScript's {@code \s}: WhiteSpace and LineTerminator, as Java class members. */
    private static final String JS_SPACE = "\\t-\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
    /** Characters inputs are drawn from: ASCII, line terminators, JavaScript spaces, Latin-1 and CJK. */
    private static final String INPUT_ALPHABET = "abcxyzABCXYZ0123456789_- .*+?()[]{}|^$\\/'\"é名\n\r\t\u00a0\u2028\u3000";
    /** Literal characters written bare in both dialects. */
    private static final String BARE = "abcxyzABZ09_ -é名'\"/:,;=<>!@#%&~`";
    /** Characters special outside a class in both dialects, written with a backslash. */
    private static final String SPECIAL = ".*+?()[]{}|\\^$";
    /** Single class members; {@code & [} are special in Java classes, so the Java side escapes them. */
    private static final String CLASS_MEMBERS = "abcxyz0569_ .*+?(){}|$/'\"é^-]\\[&";
    private static final String[][] RANGES = {{"a", "f"}, {"0", "5"}, {"A", "Z"}, {"à", "ÿ"}, {"x", "z"}, {"!", "/"}};

    /** @param expansion copies of atoms PostgreSQL makes expanding counted repetitions (nested counts multiply) */
    private record Piece(String ecma, String java, Function<SplittableRandom, String> sample, long expansion) {

        Piece(String ecma, String java, Function<SplittableRandom, String> sample) {
            this(ecma, java, sample, 1);
        }
    }

    static RandomPattern next(SplittableRandom random) {
        Piece piece = disjunction(random, 0);
        Pattern oracle = Pattern.compile(piece.java());
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String built = piece.sample().apply(random);
            candidates.add(random.nextBoolean() ? built : randomText(random, 2) + built + randomText(random, 2));
            candidates.add(mutated(random, built));
        }
        candidates.add(randomText(random, 6));
        candidates.add("");
        return new RandomPattern(piece.ecma(), oracle, List.copyOf(candidates), piece.expansion());
    }

    private static Piece disjunction(SplittableRandom random, int depth) {
        Piece first = alternative(random, depth);
        if (random.nextInt(5) > 0) {
            return first;
        }
        Piece second = alternative(random, depth);
        return new Piece(first.ecma() + "|" + second.ecma(), first.java() + "|" + second.java(),
                r -> r.nextBoolean() ? first.sample().apply(r) : second.sample().apply(r),
                first.expansion() + second.expansion());
    }

    private static Piece alternative(SplittableRandom random, int depth) {
        int terms = random.nextInt(depth == 0 ? 6 : 3) + (depth == 0 ? 1 : 0);
        StringBuilder ecma = new StringBuilder();
        StringBuilder java = new StringBuilder();
        List<Function<SplittableRandom, String>> samples = new ArrayList<>();
        long expansion = 0;
        for (int i = 0; i < terms; i++) {
            Piece term = term(random, depth);
            ecma.append(term.ecma());
            java.append(term.java());
            samples.add(term.sample());
            expansion += term.expansion();
        }
        return new Piece(ecma.toString(), java.toString(), r -> {
            StringBuilder out = new StringBuilder();
            samples.forEach(s -> out.append(s.apply(r)));
            return out.toString();
        }, expansion);
    }

    private static Piece term(SplittableRandom random, int depth) {
        // Anchors only outside groups: java.util.regex refuses an empty first iteration that JavaScript
        // allows ((?:#|^){2,}# finds "#" in JavaScript and PostgreSQL, not in Java), so it is no oracle there.
        int kind = depth == 0 ? random.nextInt(20) : 2 + random.nextInt(18);
        if (kind == 0) {
            return new Piece("^", "^", r -> "");
        }
        if (kind == 1) {
            return new Piece("$", "\\z", r -> "");
        }
        return quantified(random, atom(random, depth));
    }

    private static Piece atom(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth < 2 ? 12 : 10);
        switch (kind) {
            case 0, 1, 2, 3: {
                String c = pick(random, BARE);
                return new Piece(c, Pattern.quote(c), r -> c);
            }
            case 4: {
                String c = pick(random, SPECIAL);
                return new Piece("\\" + c, "\\" + c, r -> c);
            }
            case 5:
                return escape(random);
            case 6:
                return new Piece(".", "[^\\n\\r\\u2028\\u2029]", r -> pick(r, "aZ9 é.\t"));
            case 7, 8, 9:
                return characterClass(random);
            default: {
                Piece inner = disjunction(random, depth + 1);
                String open = random.nextBoolean() ? "(" : "(?:";
                return new Piece(open + inner.ecma() + ")", open + inner.java() + ")", inner.sample(), inner.expansion());
            }
        }
    }

    private static Piece escape(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> new Piece("\\d", "[0-9]", r -> pick(r, "0123456789"));
            case 1 -> new Piece("\\D", "[^0-9]", r -> pick(r, "a_ é-"));
            case 2 -> new Piece("\\w", "[0-9A-Za-z_]", r -> pick(r, "aZ0_"));
            case 3 -> new Piece("\\W", "[^0-9A-Za-z_]", r -> pick(r, " -é.\n"));
            case 4 -> new Piece("\\s", "[" + JS_SPACE + "]", r -> pick(r, " \t\n\u00a0\u2028\u3000"));
            case 5 -> new Piece("\\S", "[^" + JS_SPACE + "]", r -> pick(r, "aé-_"));
            case 6 -> new Piece("\\t", "\\t", r -> "\t");
            case 7 -> new Piece("\\n", "\\n", r -> "\n");
            case 8 -> new Piece("\\x41", "\\x41", r -> "A");
            default -> new Piece("\\u00e9", "\\u00e9", r -> "é");
        };
    }

    private static Piece characterClass(SplittableRandom random) {
        boolean negated = random.nextInt(4) == 0;
        StringBuilder ecma = new StringBuilder(negated ? "[^" : "[");
        StringBuilder java = new StringBuilder(negated ? "[^" : "[");
        List<String> members = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    String c = pick(random, CLASS_MEMBERS);
                    ecma.append("]\\^-".contains(c) ? "\\" + c : c);
                    java.append(Character.isLetterOrDigit(c.charAt(0)) || c.charAt(0) > 127 ? c : "\\" + c);
                    members.add(c);
                }
                case 2, 3 -> {
                    String[] range = RANGES[random.nextInt(RANGES.length)];
                    ecma.append(range[0]).append('-').append(range[1]);
                    java.append(range[0]).append('-').append(range[1]);
                    members.add(range[1]);
                    // PITFALLS 6: a - right after a range is a literal in JavaScript; PostgreSQL refuses it raw.
                    if (random.nextInt(3) == 0) {
                        ecma.append("-_");
                        java.append("\\-_");
                        members.add("-");
                    }
                }
                default -> {
                    String[][] escapes = {{"\\d", "0-9", "7"}, {"\\w", "0-9A-Za-z_", "_"}, {"\\s", JS_SPACE, "\u00a0"}};
                    String[] e = escapes[random.nextInt(escapes.length)];
                    ecma.append(e[0]);
                    java.append(e[1]);
                    members.add(e[2]);
                }
            }
        }
        ecma.append(']');
        java.append(']');
        Pattern self = Pattern.compile(java.toString());
        return new Piece(ecma.toString(), java.toString(), r -> {
            if (!negated) {
                return members.get(r.nextInt(members.size()));
            }
            for (int attempt = 0; attempt < 20; attempt++) {
                String c = pick(r, INPUT_ALPHABET);
                if (self.matcher(c).matches()) {
                    return c;
                }
            }
            return "";
        });
    }

    private static Piece quantified(SplittableRandom random, Piece atom) {
        int kind = random.nextInt(12);
        String quantifier;
        int min;
        int max;
        // PostgreSQL expands a count into copies of the atom ({2,5}: five, {3,}: four); * + ? are not expanded.
        int copies;
        switch (kind) {
            case 0 -> { quantifier = "*"; min = 0; max = 3; copies = 1; }
            case 1 -> { quantifier = "+"; min = 1; max = 3; copies = 1; }
            case 2 -> { quantifier = "?"; min = 0; max = 1; copies = 1; }
            case 3 -> { min = random.nextInt(4); quantifier = "{" + min + "}"; max = min; copies = min; }
            case 4 -> { min = random.nextInt(3); quantifier = "{" + min + ",}"; max = min + 2; copies = min + 1; }
            case 5 -> {
                min = random.nextInt(3);
                copies = min + random.nextInt(3);
                max = copies;
                quantifier = "{" + min + "," + max + "}";
            }
            case 6 -> {
                min = 0;
                max = 2;
                copies = random.nextInt(4) == 0 ? 255 : 9;
                quantifier = "{0," + copies + "}";
            }
            default -> { return atom; }
        }
        String lazy = random.nextInt(4) == 0 ? "?" : "";
        int low = min;
        int high = max;
        long expansion = atom.expansion() * Math.max(1, copies);
        return new Piece(atom.ecma() + quantifier + lazy, atom.java() + quantifier + lazy, r -> {
            int times = low + r.nextInt(high - low + 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < times; i++) {
                out.append(atom.sample().apply(r));
            }
            return out.toString();
        }, expansion);
    }

    private static String mutated(SplittableRandom random, String text) {
        if (text.isEmpty()) {
            return pick(random, INPUT_ALPHABET);
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + pick(random, INPUT_ALPHABET) + text.substring(at);
            default -> text.substring(0, at) + pick(random, INPUT_ALPHABET) + text.substring(at + 1);
        };
    }

    private static String randomText(SplittableRandom random, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            out.append(pick(random, INPUT_ALPHABET));
        }
        return out.toString();
    }

    private static String pick(SplittableRandom random, String characters) {
        return String.valueOf(characters.charAt(random.nextInt(characters.length())));
    }
}
