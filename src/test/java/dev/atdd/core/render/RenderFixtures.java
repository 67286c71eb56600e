package dev.atdd.core.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractLocation;
import dev.atdd.core.contract.IndexSpec;
import dev.atdd.core.contract.SchemaDocument;
import dev.atdd.core.types.Check;
import dev.atdd.core.types.Column;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Hand-made contracts and relational definitions for the render tests. */
final class RenderFixtures {

    static final Instant GENERATED_AT = Instant.parse("2025-10-30T14:30:00.123Z");

    private RenderFixtures() {
    }

    /** The contract match/dilemma/current, declaring {@code properties} of the given names. */
    static Contract contract(String description, List<IndexSpec> indexes, String... properties) {
        return contract(description, indexes, schema(properties));
    }

    /** A schema declaring {@code properties} of the given names, for a contract built with it. */
    static ObjectNode schema(String... properties) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        for (String property : properties) {
            schema.withObject("properties").putObject(property);
        }
        return schema;
    }

    /** The contract match/dilemma/current with {@code schema}, read as it is now. */
    static Contract contract(String description, List<IndexSpec> indexes, ObjectNode schema) {
        return new Contract(Path.of("/project/contracts/match/dilemma/current.schema.json"),
                new ContractLocation("match", "dilemma", "current", "match/dilemma/current.schema.json"),
                SchemaDocument.of(schema), Optional.of("match:dilemma:current"),
                Optional.of("Current dilemma"), Optional.ofNullable(description), Optional.of("1.2.0"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), indexes);
    }

    static IndexSpec index(String name, IndexSpec.IndexMethod method, String... fields) {
        return new IndexSpec(name, method, List.of(fields), "/x-artifact-metadata/persistence/indexes/0");
    }

    static Column column(String name, PgType type, boolean notNull, Check... checks) {
        return new Column(name, "/properties/" + name, type, type, notNull, List.of(checks), List.of(),
                Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** Reserved words, quotes, an enum full of awkward values, a pattern, JSONB and TODOs. */
    static RelationalTable awkwardTable() {
        return new RelationalTable(List.of(
                column("user", PgType.TEXT, true),
                column("order", PgType.INTEGER, false),
                column("group", PgType.TEXT, false, new Check.AllowedValues(List.of("Cap'n", "crew"))),
                column("symbol", PgType.TEXT, true, new Check.AllowedValues(List.of("'", "\"", "a\\b", "é"))),
                column("kind", PgType.TEXT, false, new Check.AllowedValues(List.of("fixed"))),
                column("code", PgType.TEXT, false, new Check.PatternMatch("^[A-Z]{2}$", "^[A-Z]{2}$")),
                column("starts", PgType.TIMESTAMPTZ, false),
                column("player_id", PgType.UUID, true),
                new Column("tags", "/properties/tags", PgType.JSONB, PgType.JSONB, false, List.of(),
                        List.of("an array of objects; consider a child table"), Optional.empty(), Optional.empty(),
                        OptionalInt.empty()),
                column("score", PgType.NUMERIC, false),
                column("active", PgType.BOOLEAN, false)),
                List.of("property 'legacy' uses oneOf: stored as JSONB"), Optional.empty(),
                OptionalInt.empty());
    }
}
