package dev.atdd.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A git merge conflict left in a file the user wrote: the {@code <<<<<<<} or {@code >>>>>>>} line git
 * puts around the two sides. A migration holding one still lexes (the marker is an operator, the
 * {@code CREATE TABLE}s of both sides follow it), so without this check the text goals would read a
 * file that no database applies, and a contract's JSON error would point at a lone {@code '<'}.
 */
public final class MergeConflict {

    private static final String[] MARKERS = {"<<<<<<<", ">>>>>>>"};
    private static final int MARKER_LENGTH = 7;

    private MergeConflict() {
    }

    /** The first marker of {@code text}, read from {@code file}, as a problem at its line. */
    public static Optional<Problem> in(Path file, String text) {
        int first = -1;
        for (String marker : MARKERS) {
            int at = firstMarkerLine(text, marker);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        return Optional.of(Problem.at(file, text, first, "a git merge conflict marker ("
                + text.substring(first, first + MARKER_LENGTH) + "): resolve the conflict, keep the lines you mean and delete the markers"));
    }

    private static int firstMarkerLine(String text, String marker) {
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            if (isMarkerLine(text, at)) {
                return at;
            }
        }
        return -1;
    }

    /** Git writes a marker at the start of a line, then a space and a label, or the line's end. */
    private static boolean isMarkerLine(String text, int at) {
        boolean lineStart = at == LineBreaks.firstLineStart(text)
                || at > 0 && LineBreaks.endsLine(text, at - 1, text.length());
        int after = at + MARKER_LENGTH;
        return lineStart && (after == text.length() || " \r\n".indexOf(text.charAt(after)) >= 0);
    }
}
