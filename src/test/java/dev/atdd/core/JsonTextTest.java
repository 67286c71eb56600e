package dev.atdd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonText} writes what data binding writes, without loading it. */
class JsonTextTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest
    @ValueSource(strings = {
        "0", "-42", "12345678901234567890123", "0.1", "1e400", "-2.5E-3", "true", "false", "null",
        "\"plain\"", "\"a \\\"quote\\\", a \\\\ and a tab\\t\"", "\"\\u0001 é ✓ 😀\"", "[]", "{}",
        "[1, \"two\", null, [3.0], {\"k\": false}]",
        "{\"type\": \"object\", \"properties\": {\"n\": {\"minimum\": 0, \"enum\": [\"a\", \"b\"]}}, \"\": \"\"}"})
    void writesWhatDataBindingWrites(String json) throws Exception {
        JsonNode node = MAPPER.readTree(json);

        assertEquals(node.toString(), JsonText.compact(node));
        assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node).replace("\r\n", "\n"),
                JsonText.pretty(node));
    }
}
