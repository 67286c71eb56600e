package dev.atdd.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Whether a name the user wrote is most likely a slip for one we know: for a "did you mean …?". */
public final class Typo {

    private static final int MAX_EDITS = 2;

    private Typo() {
    }

    /** Within two edits of {@code word}, letter case aside: {@code persistance}, {@code Persistence}. */
    public static boolean resembles(String typed, String word) {
        return edits(typed.toLowerCase(Locale.ROOT), word.toLowerCase(Locale.ROOT)) <= MAX_EDITS;
    }

    /**
     * The known word {@code typed} most resembles, if one is within two edits and fewer edits than {@code typed}
     * has letters ({@code c} is no slip for {@code a}); the first of equals wins.
     */
    public static Optional<String> meant(String typed, Collection<String> words) {
        return meant(typed, words, MAX_EDITS);
    }

    /** As {@link #meant(String, Collection)}, within {@code maxEdits} (at most two) edits. */
    public static Optional<String> meant(String typed, Collection<String> words, int maxEdits) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String meant = null;
        int fewest = Math.min(maxEdits, MAX_EDITS) + 1;
        for (String word : words) {
            int edits = edits(lower, word.toLowerCase(Locale.ROOT));
            if (edits < fewest && edits < lower.length()) {
                meant = word;
                fewest = edits;
            }
        }
        return Optional.ofNullable(meant);
    }

    /** {@code " (did you mean relational?)"} after a message, when {@code typed} is most likely a slip; else empty. */
    public static String didYouMean(String typed, Collection<String> words) {
        return meant(typed, words).map(Typo::suggesting).orElse("");
    }

    /** {@code " (did you mean relational?)"}: the word a slip is taken for, as a message ends with it. */
    public static String suggesting(String meant) {
        return " (did you mean " + meant + "?)";
    }

    /**
     * Edits between the two (optimal string alignment: a swap of two neighbouring letters is one edit, as
     * in {@code di} for {@code id}), cut short above {@link #MAX_EDITS} when the lengths alone say so.
     */
    private static int edits(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_EDITS) {
            return MAX_EDITS + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitute = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(substitute, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
