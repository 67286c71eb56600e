package dev.atdd.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader checks a contract in one streaming pass and builds a tree of a few members only. This
 * test holds it to what a whole-tree parse of the same bytes says, on thousands of damaged copies
 * of the example's contracts: the same files are valid, a syntax error is reported at the same
 * line and column, and a valid file's schema is the whole tree.
 */
class ContractReaderDifferentialTest {

    /** Settable for exploration: {@code -Datdd.differential.seed=.. -Datdd.differential.mutants=..}. */
    private static final int MUTANTS = Integer.getInteger("atdd.differential.mutants", 3_000);
    private static final long SEED = Long.getLong("atdd.differential.seed", 20261127L);
    /** What the reader read before it streamed: the whole tree, strict as the reader is. */
    private static final ObjectMapper WHOLE_TREE = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** What only a reader of Jackson's source would understand: its sources, features, tokens and character codes. */
    private static final Pattern JACKSONS_OWN_WORDS = Pattern.compile(
            "\\[Source|REDACTED|Feature|`|\\(code \\d|CTRL-CHAR|START_|END_|close marker|field name|Unrecognized");
    private static final String[] INSERTS = {"{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "0", "-",
            "1e400", "null", "é", "⚠️", "\u0000", "/*", "\"title\": \"again\",", "} {}", "\r\n"};

    @TempDir
    Path root;

    @Test
    void damagedContractsAreJudgedAsAWholeTreeParseJudgesThem() throws IOException {
        List<byte[]> originals = examples();
        SplittableRandom random = new SplittableRandom(SEED);
        int invalid = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutate(originals.get(random.nextInt(originals.size())), random);
            Path file = ContractFixtures.write(root, "t/d/m" + i + ".schema.json", mutant);
            if (!compare(file, mutant)) {
                invalid++;
            }
        }
        // The mutations must reach both sides of the judgement, or the comparison proves little.
        assertTrue(invalid > MUTANTS / 4 && invalid < MUTANTS * 9 / 10, invalid + " of " + MUTANTS + " invalid");
    }

    /** Compares the reader with the whole-tree parse on one file; true when the JSON is a valid object. */
    private boolean compare(Path file, byte[] bytes) {
        String seed = "seed " + SEED + ", " + file.getFileName() + ":\n" + new String(bytes, StandardCharsets.UTF_8);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            assertTrue(problemOf(file, seed).message().startsWith("not valid UTF-8"), seed);
            return false;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            assertTrue(problemOf(file, seed).message().startsWith("empty file"), seed);
            return false;
        }
        JsonNode tree;
        try {
            tree = WHOLE_TREE.readTree(text);
        } catch (JsonProcessingException e) {
            Problem problem = problemOf(file, seed);
            assertTrue(problem.message().startsWith("invalid JSON: "), problem + "\n" + seed);
            assertFalse(JACKSONS_OWN_WORDS.matcher(problem.message()).find(), problem + "\n" + seed);
            assertEquals(e.getLocation().getLineNr(), problem.line(), problem + "\n" + e.getMessage() + "\n" + seed);
            assertEquals(e.getLocation().getColumnNr(), problem.column(), problem + "\n" + e.getMessage() + "\n" + seed);
            return false;
        }
        try {
            Contract contract = ContractReader.read(file, root);
            assertTrue(tree.isObject(), seed);
            assertEquals(tree, contract.schema(), seed);
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                assertTrue(!problem.message().startsWith("invalid JSON") && !problem.message().startsWith("empty file"),
                        problem + "\n" + seed);
            }
            if (!tree.isObject()) {
                assertEquals(1, e.problems().size(), seed);
                assertTrue(e.problems().get(0).message().startsWith("a contract is a JSON object"), seed);
            }
        }
        return true;
    }

    private Problem problemOf(Path file, String seed) {
        try {
            ContractReader.read(file, root);
        } catch (InvalidInputException e) {
            assertEquals(1, e.problems().size(), e.getMessage() + "\n" + seed);
            return e.problems().get(0);
        }
        return fail("read without a problem:\n" + seed);
    }

    /** One to three edits: a character deleted, a token inserted, a span doubled, a byte changed. */
    private static byte[] mutate(byte[] original, SplittableRandom random) {
        StringBuilder text = new StringBuilder(new String(original, StandardCharsets.UTF_8));
        byte[] bytes = null;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 1, 2 -> text.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                case 3 -> {
                    int end = Math.min(text.length(), at + random.nextInt(40));
                    text.insert(at, text.substring(at, end));
                }
                default -> bytes = new byte[] {(byte) (0x80 + random.nextInt(0x80))};
            }
        }
        byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes == null) {
            return encoded;
        }
        // A stray byte: most are not UTF-8 where they land, some complete a sequence that is.
        int at = random.nextInt(encoded.length + 1);
        byte[] out = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, out, 0, at);
        out[at] = bytes[0];
        System.arraycopy(encoded, at, out, at + 1, encoded.length - at);
        return out;
    }

    private static List<byte[]> examples() throws IOException {
        List<byte[]> contracts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("examples/quiz-game/contracts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
                contracts.add(Files.readAllBytes(file));
            }
        }
        assertTrue(contracts.size() >= 5, "the example's contracts");
        return contracts;
    }
}
