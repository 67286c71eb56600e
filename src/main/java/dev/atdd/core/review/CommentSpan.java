package dev.atdd.core.review;

/** Where one SQL comment lies in a text: from {@code start} (inclusive) to {@code end} (exclusive). */
public record CommentSpan(int start, int end) {

    public CommentSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad comment span " + start + ".." + end);
        }
    }
}
