package dev.atdd.core.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractLocation;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Contracts for tests, parsed from JSON text; only the fields the type mapping reads are real. */
final class TestContracts {

    static final Path FILE = Path.of("contracts/game/match/session.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestContracts() {
    }

    /** Single quotes in {@code json} stand for double quotes, to keep test schemas readable. */
    static Contract of(String json) {
        return ofExactJson(json.replace('\'', '"'));
    }

    static Contract ofExactJson(String json) {
        JsonNode schema;
        try {
            schema = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new Contract(FILE, new ContractLocation("game", "match", "session", "game/match/session.schema.json"),
                schema, Optional.ofNullable(schema.path("$id").textValue()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** A contract whose only property is {@code p} with the given schema. */
    static Contract property(String schemaJson) {
        return of("{'properties': {'p': " + schemaJson + "}}");
    }
}
