package dev.atdd.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreeTest {

    /** What the reader used before it built trees itself: the type mapping's numbers must not change. */
    private static final ObjectMapper READ_TREE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
            "1.0", "1.50", "-0.0", "0e0", "1e2", "1E+2", "100.000e-2", "-1.5e-3", "0.1", "1e400", "-1e-400", "1000e2147483647",
            "0", "-0", "2147483647", "2147483648", "-9223372036854775808", "9223372036854775808",
            "123456789012345678901234567890", "true", "false", "null", "\"é ⚠️ \\u0000 \\\"\"",
            "[]", "{}", "[1, [2.50, {\"a\": null}], \"x\"]",
            "{\"enum\": [1.0, 2.25, 3], \"minimum\": -1e-3, \"nested\": {\"deep\": [[[]]]}, \"\": \"\"}"})
    void buildsTheTreeReadTreeBuildsNumberForNumber(String json) throws IOException {
        JsonNode expected = READ_TREE.readTree(json);

        JsonNode tree;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            tree = JsonTree.read(parser);
        }

        assertEquals(expected, tree);
        // equals compares decimals by value: the text the SQL is rendered from must match too
        assertEquals(expected.toString(), tree.toString());
        assertEquals(expected.getClass(), tree.getClass());
    }
}
