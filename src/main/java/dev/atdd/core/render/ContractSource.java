package dev.atdd.core.render;

import dev.atdd.core.contract.Contract;

/**
 * What a contract table's SQL says about the contract it comes from. Absent optional fields are
 * {@code null} (a template tests them with {@code ??}).
 *
 * @param path        the contract's path under the contracts directory, with {@code /}
 * @param id          {@code $id}, or null
 * @param title       {@code title}, or null
 * @param description {@code description}, or null
 * @param version     {@code version}, or null
 */
public record ContractSource(String path, String id, String title, String description, String version) {

    public static ContractSource of(Contract contract) {
        return new ContractSource(contract.location().relativePath().replace('\\', '/'),
                contract.id().orElse(null), contract.title().orElse(null),
                contract.description().orElse(null), contract.version().orElse(null));
    }
}
