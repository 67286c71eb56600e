package dev.atdd.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON text of a tree, written with Jackson's streaming generator. {@code JsonNode.toString()}
 * gives the same text through data binding's {@code ObjectMapper}: some 300 classes to load and
 * compile, a third of a second of a short-lived Maven JVM, for the few words of a review note.
 */
public final class JsonText {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonText() {
    }

    /** On one line, as {@code JsonNode.toString()} writes it. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    /** Indented by Jackson's default pretty printer, with {@code \n} line ends on every system. */
    public static String pretty(JsonNode node) {
        return write(node, true).replace("\r\n", "\n");
    }

    private static String write(JsonNode node, boolean pretty) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            if (pretty) {
                out.useDefaultPrettyPrinter();
            }
            write(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    out.writeFieldName(member.getKey());
                    write(out, member.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode item : node) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.writeNumber(node.bigIntegerValue());
                } else {
                    out.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            default -> out.writeNull();
        }
    }
}
