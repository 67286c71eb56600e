package dev.atdd.core.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a contract needs a table: the rule that decided says.
 *
 * @param rule      the first rule that matched
 * @param overruled a later rule that would have asked for a table, where a guess decided against one: an aspect
 *                  ending in -ed ({@code feed}) or a description saying "computed" of a contract that says
 *                  {@code to: external}; a reader of the decision may have meant that one
 */
public record PersistenceDecision(PersistenceRule rule, Optional<PersistenceRule> overruled) {

    private static final List<String> DERIVED_WORDS =
            List.of("computed", "calculated", "derived", "aggregated", "aggregate");

    /** Applies the rules of {@link PersistenceRule} in order; the first that matches decides. */
    public static PersistenceDecision decide(Contract contract) {
        PersistenceRule rule = firstMatching(contract);
        // No id property with either guess, so of the rules after them only EXTERNAL could have asked for a table.
        boolean guessed = rule == PersistenceRule.EVENT || rule == PersistenceRule.DERIVED;
        return new PersistenceDecision(rule, guessed && contract.audience().orElse(null) == Audience.EXTERNAL
                ? Optional.of(PersistenceRule.EXTERNAL) : Optional.empty());
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
