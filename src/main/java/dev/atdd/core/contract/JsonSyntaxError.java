package dev.atdd.core.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.ContentReference;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in plain words. Jackson's messages speak of its own internals (a redacted
 * source, parser features to enable, character codes, "field names" and "close markers"); the
 * reader of a contract needs what is wrong, and where the object or array at fault was opened.
 */
final class JsonSyntaxError {

    /** A NUL between values: UTF-16 puts one beside every ASCII character. */
    private static final String NUL = "a NUL character (U+0000), as a file saved as UTF-16 holds: save it as UTF-8";
    private static final String ANY_VALUE = "a string, number, object, array, true, false or null";
    // The character is quoted, or named CTRL-CHAR when a control character; codes past 127 come in hex too.
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\((?:'.*' \\(|\\(CTRL-CHAR, )"
            + "code (\\d+)(?: / 0x\\p{XDigit}+)?\\)\\)( in numeric value)?: (.*)", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile(
            "Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*");
    private static final Pattern TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '(.*?)'(?:: .*)?");
    private static final Pattern WRONG_CLOSE = Pattern.compile("Unexpected close marker '(.)': expected '(.)'.*");
    private static final Pattern NOTHING_TO_CLOSE = Pattern.compile("Unexpected close marker '(.)': no open.*");
    // The escaped character is quoted, or named CTRL-CHAR when a control character (a line break, a tab).
    private static final Pattern ESCAPE = Pattern.compile(
            "Unrecognized character escape (?:'(.*)' \\(code \\d+\\)|\\(CTRL-CHAR, code (\\d+)\\))");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern NUMBER = Pattern.compile("Invalid numeric value: (.*)");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");

    private JsonSyntaxError() {
    }

    /**
     * @param open the parser's context where it failed: the object or array left open, if any
     */
    static String describe(JsonProcessingException e, JsonStreamContext open) {
        String message = withoutAdvice(e.getOriginalMessage());
        if (message.startsWith("Unexpected end-of-input")) {
            if (message.contains("closing quote")) {
                return "the file ends inside a string: its closing quote is missing";
            }
            if (message.contains("escape")) {
                return "the file ends inside an escape sequence";
            }
            return opened(open).map(what -> "the file ends before the " + what + " is closed")
                    .orElse("the file ends before the JSON is complete");
        }
        Matcher m;
        if ((m = UNEXPECTED.matcher(message)).matches()) {
            int code = Integer.parseInt(m.group(1));
            if (code == 0) {
                return NUL;
            }
            String unexpected = "unexpected " + shown(code);
            return m.group(2) != null ? unexpected + " in a number: " + lowerFirst(m.group(3))
                    : unexpected + ": " + expected(m.group(3), code);
        }
        if ((m = CONTROL.matcher(message)).matches()) {
            String code = String.format(Locale.ROOT, "%04X", Integer.parseInt(m.group(2)));
            if (m.group(1) == null && code.equals("0000")) {
                return NUL;
            }
            return m.group(1) != null
                    ? "control character U+" + code + " inside a string: write it escaped, as \\u" + code
                    : "unexpected U+" + code + ": only spaces, tabs and line breaks may come between values";
        }
        if ((m = TOKEN.matcher(message)).matches()) {
            return "'" + m.group(1) + "' is not a JSON value: expected " + ANY_VALUE;
        }
        if ((m = WRONG_CLOSE.matcher(message)).matches()) {
            String found = "'" + m.group(1) + "' where '" + m.group(2) + "' should close the ";
            return opened(open).map(what -> found + what).orElse(found + (m.group(2).equals("]") ? "array" : "object"));
        }
        if ((m = NOTHING_TO_CLOSE.matcher(message)).matches()) {
            String kind = m.group(1).equals("]") ? "array" : "object";
            return "'" + m.group(1) + "' closes nothing: no " + kind + " is open";
        }
        if ((m = ESCAPE.matcher(message)).matches()) {
            String escaped = m.group(1) != null ? "\\" + m.group(1)
                    : "\\ before " + String.format(Locale.ROOT, "U+%04X", Integer.parseInt(m.group(2)));
            return "unknown escape " + escaped
                    + ": a string may hold \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits";
        }
        if ((m = DUPLICATE.matcher(message)).matches()) {
            return "the key \"" + m.group(1) + "\" appears twice in one object";
        }
        if ((m = NUMBER.matcher(message)).matches()) {
            return "invalid number: " + lowerFirst(m.group(1));
        }
        // A message not met before: at least without a source description or character codes.
        return lowerFirst(SOURCE.matcher(message).replaceAll("$1:$2")
                .replaceAll(" \\(code \\d+( / 0x\\p{XDigit}+)?\\)", ""));
    }

    /** What a character where another was expected should have been. */
    private static String expected(String what, int code) {
        if (what.startsWith("was expecting double-quote")) {
            return "expected a key in double quotes" + (code == '}' ? " (no comma may come before '}')" : "");
        }
        if (what.startsWith("was expecting a colon")) {
            return "expected ':' after the key";
        }
        if (what.startsWith("was expecting comma to separate Object")) {
            return "expected ',' or '}' after the value";
        }
        if (what.startsWith("was expecting comma to separate Array")) {
            return "expected ',' or ']' after the value";
        }
        if (what.startsWith("expected a valid value") || what.equals("expected a value")) {
            return "expected a value" + (code == ']' ? " (no comma may come before ']')" : "");
        }
        if (what.contains("comment")) {
            return "JSON has no comments";
        }
        return lowerFirst(what);
    }

    /** The object or array the parser was in, as "object opened at line:column". */
    private static Optional<String> opened(JsonStreamContext open) {
        if (open == null || open.inRoot()) {
            return Optional.empty();
        }
        JsonLocation start = open.startLocation(ContentReference.unknown());
        return Optional.of((open.inArray() ? "array" : "object") + " opened at " + start.getLineNr() + ":"
                + start.getColumnNr());
    }

    /** A character as the reader can see it: quoted, or by its code point when it shows as nothing or as a blank. */
    private static String shown(int code) {
        boolean visible = !Character.isISOControl(code) && !Character.isWhitespace(code) && !Character.isSpaceChar(code)
                && !Character.isSurrogate((char) code) && Character.getType(code) != Character.FORMAT;
        return visible ? "'" + Character.toString(code) + "'" : String.format(Locale.ROOT, "U+%04X", code);
    }

    /** The first line, without Jackson's advice on parser features and limits a contract cannot set. */
    private static String withoutAdvice(String message) {
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip()
                .replaceAll(": enable `[^`]*` to allow$", "")
                .replace(" (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)", "")
                .replaceAll(", from `StreamReadConstraints\\.[^`]*`\\)", ")");
    }

    /** "Decimal point …" as "decimal point …", but "JSON spec …" as it is. */
    private static String lowerFirst(String text) {
        return text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }
}
