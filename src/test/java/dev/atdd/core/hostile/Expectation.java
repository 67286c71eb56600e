package dev.atdd.core.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the contract says about one property's values, for comparison with what PostgreSQL enforces.
 *
 * @param valid      values the contract admits (each must be stored)
 * @param invalid    values of the same JSON kinds the contract refuses (a CHECK must refuse each)
 * @param admitsNull whether the schema admits JSON null; null when the generator cannot tell
 * @param checked    whether a CHECK must exist (an enum, a const or a pattern in the translatable grammar)
 * @param pattern    the pattern with its oracle, or null
 * @param broken     whether the schema is invalid, so the contract must be refused
 */
record Expectation(List<JsonNode> valid, List<JsonNode> invalid, Boolean admitsNull, boolean checked,
                   RandomPattern pattern, boolean broken) {

    Expectation {
        valid = List.copyOf(valid);
        invalid = List.copyOf(invalid);
    }

    static Expectation of(List<JsonNode> valid, boolean admitsNull) {
        return new Expectation(valid, List.of(), admitsNull, false, null, false);
    }

    static Expectation brokenSchema() {
        return new Expectation(List.of(), List.of(), null, false, null, true);
    }

    /** The same values, but whether null is admitted is not known (unions, intersections, cycles). */
    Expectation nullUnknown() {
        return new Expectation(valid, invalid, null, checked, pattern, broken);
    }
}
