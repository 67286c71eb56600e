package dev.atdd.core.generate;

import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to generate.
 *
 * @param contract           one contract file only (absolute and normal, as the contracts' paths are), or every
 *                           contract under {@code contractsDirectory}
 * @param defaultStrategy    the shape of a persistent contract that names none ({@code jsonb} or {@code relational})
 * @param existingTables     tables made outside these migrations; their contracts count as covered
 * @param writeValidContracts write the valid contracts' tables even when others are broken, reporting
 *                           the broken ones as warnings; ignored when {@code contract} names one file
 */
public record GenerationRequest(
        Path contractsDirectory,
        Path migrationsDirectory,
        Optional<Path> contract,
        Strategy defaultStrategy,
        boolean rowLevelSecurity,
        List<InfrastructureTable> infrastructureTables,
        Set<String> existingTables,
        boolean writeValidContracts) {

    public GenerationRequest {
        if (defaultStrategy == Strategy.NONE) {
            throw new IllegalArgumentException("defaultStrategy must be jsonb or relational, not none");
        }
        contract = contract.map(file -> file.toAbsolutePath().normalize());
        infrastructureTables = List.copyOf(infrastructureTables);
        existingTables = Set.copyOf(existingTables);
    }
}
