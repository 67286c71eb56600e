package dev.atdd.core.render;

import static dev.atdd.core.render.RenderFixtures.GENERATED_AT;
import static dev.atdd.core.render.RenderFixtures.column;
import static dev.atdd.core.render.RenderFixtures.contract;
import static dev.atdd.core.render.RenderFixtures.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.contract.IndexSpec.IndexMethod;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import dev.atdd.testing.Postgres15;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables and indexes share one namespace per schema (PITFALLS 3): an index named like its table or like
 * the index PostgreSQL makes for the primary key would make CREATE INDEX fail with "relation already
 * exists". (Shrunk from HostileContractsOnPostgresTest, e.g. seed 1 + an index named game_match_session_pkey.)
 */
@ExtendWith(Postgres15.class)
class IndexNamespaceTest {

    private static final RelationalTable DEFINITION =
            new RelationalTable(List.of(column("name", PgType.TEXT, false)), List.of(), Optional.empty(),
                    OptionalInt.empty());

    /** A plain name, 63 bytes starting with a two-byte character, and one whose cut falls inside a character. */
    static List<String> tables() {
        return List.of("game_match_session", "é" + "t".repeat(61), "t".repeat(57) + "é" + "tttt");
    }

    @ParameterizedTest
    @MethodSource("tables")
    void anIndexNamedLikeTheTableOrItsKeyIsAProblem(String table) {
        for (String name : List.of(table, IndexPlan.primaryKeyIndex(table))) {
            InvalidInputException relational = assertThrows(InvalidInputException.class, () -> RelationalTableModel.of(
                    contract(null, List.of(index(name, IndexMethod.BTREE, "name"))), table, DEFINITION, GENERATED_AT, true));
            InvalidInputException jsonb = assertThrows(InvalidInputException.class, () -> JsonbTableModel.of(
                    contract(null, List.of(index(name, IndexMethod.BTREE, "name"))), table, GENERATED_AT, true));
            for (InvalidInputException e : List.of(relational, jsonb)) {
                String message = e.problems().get(0).message();
                assertTrue(message.startsWith("/x-artifact-metadata/persistence/indexes/0/name: index name " + name
                        + " is already the name of "), message);
            }
        }
    }

    /** The key's index name is PostgreSQL's: the table name cut to 58 bytes on a character boundary, then _pkey. */
    @ParameterizedTest
    @MethodSource("tables")
    void primaryKeyIndexIsNamedAsPostgresNamesIt(String table, DataSource database) throws SQLException {
        Catalog catalog = new Catalog(database);
        catalog.apply(SqlTemplates.builtIn().render(TableShape.RELATIONAL,
                RelationalTableModel.of(contract(null, List.of()), table, DEFINITION, GENERATED_AT, false)));

        assertEquals(List.of(IndexPlan.primaryKeyIndex(table)),
                catalog.rows("SELECT indexname FROM pg_indexes WHERE tablename = ?", table));
    }
}
