package dev.atdd.core.types;

import dev.atdd.core.contract.SchemaProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;
import java.util.Set;

/** The column for a {@code "type": "string"} schema: its {@code format}, {@code pattern} and {@code maxLength}. */
final class StringShapes {

    private StringShapes() {
    }

    static PropertyShape of(JsonNode schema, String pointer, Set<SchemaProblem> problems) {
        String format = schema.path("format").isTextual() ? schema.get("format").asText() : "";
        JsonNode patternNode = schema.get("pattern");
        String pattern = null;
        if (patternNode != null) {
            if (patternNode.isTextual()) {
                pattern = patternNode.asText();
            } else {
                problems.add(new SchemaProblem(pointer + "/pattern", "must be a string"));
            }
        }
        if (format.equals("uuid") || PropertyTypes.UUID_PATTERN.equals(pattern)) {
            // UUID input already enforces the shape; a uuid pattern needs no CHECK of its own.
            return unenforced(PropertyShape.of(PgType.UUID, "string"),
                    PropertyTypes.UUID_PATTERN.equals(pattern) ? null : pattern);
        }
        return switch (format) {
            case "date-time" -> unenforced(PropertyShape.of(PgType.TIMESTAMPTZ, "string"), pattern);
            case "date" -> unenforced(PropertyShape.of(PgType.DATE, "string"), pattern);
            case "time" -> unenforced(PropertyShape.of(PgType.TIME, "string")
                    .withTodo("format time: TIME drops a UTC offset (10:00:00+02:00 is stored as 10:00:00); review"),
                    pattern);
            default -> {
                PropertyShape text = withPattern(PropertyShape.of(PgType.TEXT, "string"), pattern);
                OptionalInt maxLength = maxLength(schema);
                yield maxLength.isPresent() ? text.withLongestText(maxLength.getAsInt()) : text;
            }
        };
    }

    /**
     * The schema's {@code maxLength}, counted in characters as PostgreSQL counts a VARCHAR's; empty where it has
     * none, or none a validator could apply (not a non-negative integer, or beyond an int).
     */
    static OptionalInt maxLength(JsonNode schema) {
        JsonNode maxLength = schema.path("maxLength");
        // 2019-09 on allow 5.0 for 5.
        boolean whole = maxLength.isNumber() && maxLength.decimalValue().stripTrailingZeros().scale() <= 0;
        return whole && maxLength.canConvertToInt() && maxLength.intValue() >= 0
                ? OptionalInt.of(maxLength.intValue()) : OptionalInt.empty();
    }

    private static PropertyShape withPattern(PropertyShape text, String pattern) {
        if (pattern == null) {
            return text;
        }
        PatternTranslation.Result result = PatternTranslation.translate(pattern);
        if (result instanceof PatternTranslation.Translated translated) {
            return text.withCheck(new Check.PatternMatch(translated.postgresRegex(), pattern));
        }
        String reason = ((PatternTranslation.Untranslatable) result).reason();
        return text.withTodo("pattern " + PropertyTypes.shown(pattern) + " not enforced: " + PropertyTypes.shown(reason));
    }

    /** A pattern on a non-text column cannot be a {@code ~} CHECK; say so rather than drop it. */
    private static PropertyShape unenforced(PropertyShape shape, String pattern) {
        if (pattern == null) {
            return shape;
        }
        return shape.withTodo("pattern " + PropertyTypes.shown(pattern) + " not enforced: the column is " + shape.type());
    }
}
