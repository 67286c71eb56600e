package dev.atdd.core.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A JSON value read into the tree Jackson's {@code ObjectMapper.readTree} would build with exact
 * decimals, straight from the parser. Without an {@code ObjectMapper}, a build reads its contracts
 * with one parser and loads none of data binding's machinery: in Maven's short-lived JVM that
 * machinery cost more than reading ten thousand contracts.
 */
final class JsonTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /** The value starting at the parser's current token; the parser is left on its last token. */
    static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            // As readTree with USE_BIG_DECIMAL_FOR_FLOATS: an enum value 0.1 stays 0.1, a bound 1e400 does
            // not become Infinity; trailing zeros go (1.50 is 1.5), so the SQL reads as it always did.
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(withoutTrailingZeros(parser.getDecimalValue()));
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("not the start of a JSON value: " + token);
        };
    }

    /** As readTree does it: a number whose scale cannot shrink further (1000e2147483647) stays as written. */
    private static BigDecimal withoutTrailingZeros(BigDecimal number) {
        try {
            return number.stripTrailingZeros();
        } catch (ArithmeticException e) {
            return number;
        }
    }
}
