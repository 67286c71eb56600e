package dev.atdd.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atdd.core.Problem;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.types.Column;
import dev.atdd.testing.Folders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only relational contracts are mapped; one the mapping refuses gives its problems, the others their columns. */
class RelationalMappingTest {

    private static final String RELATIONAL = "{\"x-artifact-metadata\": {\"persistence\": {\"strategy\": \"relational\"}},"
            + " \"properties\": {\"id\": {\"type\": \"string\"}, ";

    @TempDir
    Path contracts;

    @Test
    void mapsTheRelationalContractsAndCollectsWhatItCannotMap() throws IOException {
        contract("shop/cart/cart", "{\"properties\": {\"id\": {\"type\": \"string\"}, \"total\": {\"type\": \"strng\"}}}");
        contract("shop/order/order", RELATIONAL + "\"total\": {\"type\": \"number\"}}}");
        Path broken = contract("shop/order/refund", RELATIONAL + "\"total\": {\"type\": \"numbr\"}}}");

        RelationalMapping mapping = RelationalMapping.of(
                TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of()));

        assertEquals(Set.of("shop_order_order"), mapping.tables().keySet());
        assertEquals(List.of("total"), mapping.table("shop_order_order").columns().stream().map(Column::name).toList());
        // Placed at the value the pointer names, as a syntax error would be.
        assertEquals(List.of(new Problem(broken, 1, 129, "/properties/total/type: unknown JSON Schema type \"numbr\" (did you mean number?)")),
                mapping.problems());
        assertThrows(IllegalStateException.class, () -> mapping.table("shop_cart_cart"));
    }

    private Path contract(String key, String json) throws IOException {
        return Folders.write(contracts.resolve(key + ".schema.json"), json);
    }
}
