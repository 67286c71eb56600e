package dev.atdd.core.contract;

import java.util.List;
import java.util.Locale;

/** Whether a contract needs a table: the rule that decided says. */
public record PersistenceDecision(PersistenceRule rule) {

    private static final List<String> DERIVED_WORDS =
            List.of("computed", "calculated", "derived", "aggregated", "aggregate");

    /** Applies the rules of {@link PersistenceRule} in order; the first that matches decides. */
    public static PersistenceDecision decide(Contract contract) {
        return new PersistenceDecision(firstMatching(contract));
    }

    public boolean needsTable() {
        return rule.needsTable();
    }

    private static PersistenceRule firstMatching(Contract contract) {
        if (contract.strategy().isPresent()) {
            return contract.strategy().get() == Strategy.NONE ? PersistenceRule.STRATEGY_NONE
                    : PersistenceRule.STRATEGY_SET;
        }
        if (!contract.hasProperties()) {
            return PersistenceRule.NO_PROPERTIES;
        }
        boolean hasId = contract.hasProperty("id");
        if (contract.location().aspect().endsWith("ed") && !hasId) {
            return PersistenceRule.EVENT;
        }
        if (contract.audience().orElse(null) == Audience.INTERNAL) {
            return PersistenceRule.INTERNAL;
        }
        if (hasId) {
            return PersistenceRule.HAS_ID;
        }
        String description = contract.description().orElse("").toLowerCase(Locale.ROOT);
        if (DERIVED_WORDS.stream().anyMatch(description::contains)) {
            return PersistenceRule.DERIVED;
        }
        if (contract.audience().orElse(null) == Audience.EXTERNAL) {
            return PersistenceRule.EXTERNAL;
        }
        return PersistenceRule.NO_RULE;
    }
}
