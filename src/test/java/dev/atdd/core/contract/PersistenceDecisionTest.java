package dev.atdd.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of the original test suite, each with the rule that must decide it. */
class PersistenceDecisionTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            session           | {"properties": {"id": {"type": "string"}, "player_id": {"type": "string"}}}                         | HAS_ID
            exhausted         | {"properties": {"timestamp": {"type": "string"}, "player_id": {"type": "string"}}}                  | EVENT
            succeeded         | {"properties": {"timestamp": {"type": "string"}, "player_id": {"type": "string"}}}                  | EVENT
            failed            | {"properties": {"timestamp": {"type": "string"}, "player_id": {"type": "string"}}}                  | EVENT
            registered        | {"properties": {"timestamp": {"type": "string"}, "player_id": {"type": "string"}}}                  | EVENT
            terminated        | {"properties": {"timestamp": {"type": "string"}, "player_id": {"type": "string"}}}                  | EVENT
            uuid              | {"properties": {"value": {"type": "string"}}}                                                       | NO_RULE
            evaluation-score  | {"properties": {"score": {"type": "number"}, "confidence": {"type": "number"}}}                     | NO_RULE
            dto               | {"x-artifact-metadata": {"to": "internal"}, "properties": {"id": {"type": "string"}}}               | INTERNAL
            completed         | {"x-artifact-metadata": {"persistence": {"strategy": "jsonb"}}, "properties": {"at": {}}}           | STRATEGY_SET
            entity            | {"x-artifact-metadata": {"persistence": {"strategy": "none"}}, "properties": {"id": {}}}            | STRATEGY_NONE
            paused            | {"properties": {"id": {"type": "string"}}}                                                          | HAS_ID
            stats             | {"description": "This is a computed result", "properties": {"total": {"type": "integer"}}}          | DERIVED
            profile           | {"x-artifact-metadata": {"to": "external"}, "properties": {"name": {"type": "string"}}}             | EXTERNAL
            signal            | {"x-artifact-metadata": {"to": "external"}, "properties": {}}                                       | NO_PROPERTIES
            signal            | {"x-artifact-metadata": {"to": "external"}}                                                         | NO_PROPERTIES
            summary           | {"description": "Aggregated per day", "x-artifact-metadata": {"to": "external"}, "properties": {"n": {}}} | DERIVED
            relational        | {"x-artifact-metadata": {"persistence": {"strategy": "relational"}}}                                | STRATEGY_SET
            """)
    void decidesByTheFirstMatchingRule(String aspect, String json, PersistenceRule expected) {
        Contract contract = ContractReader.read(
                ContractFixtures.write(root, "theme/domain/" + aspect + ".schema.json", json), root);

        PersistenceDecision decision = PersistenceDecision.decide(contract);

        assertEquals(expected, decision.rule());
        assertEquals(expected.needsTable(), decision.needsTable());
    }

    @ParameterizedTest(name = "{0}: overruled {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            feed      | {"x-artifact-metadata": {"to": "external"}, "properties": {"slug": {"type": "string"}}}              | EXTERNAL
            summary   | {"description": "Aggregated per day", "x-artifact-metadata": {"to": "external"}, "properties": {"n": {}}} | EXTERNAL
            exhausted | {"properties": {"timestamp": {"type": "string"}}}                                                     | -
            dto       | {"x-artifact-metadata": {"to": "internal"}, "properties": {"id": {"type": "string"}}}                 | -
            profile   | {"x-artifact-metadata": {"to": "external"}, "properties": {"name": {"type": "string"}}}               | -
            """)
    void aGuessAgainstATableNamesTheLaterRuleThatWouldHaveAskedForOne(String aspect, String json,
                                                                      PersistenceRule overruled) {
        Contract contract = ContractReader.read(
                ContractFixtures.write(root, "theme/domain/" + aspect + ".schema.json", json), root);

        assertEquals(Optional.ofNullable(overruled), PersistenceDecision.decide(contract).overruled());
    }
}
