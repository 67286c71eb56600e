package dev.atdd.core.plan;

import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.infrastructure.InfrastructureTable;
import java.nio.file.Path;

/** A table the project asks for: one per persistent contract, one per declared infrastructure table. */
public sealed interface PlannedTable {

    String table();

    /** For messages: {@code theme/domain/aspect} or {@code event-log match}. */
    String source();

    /** The file that asks for this table (the contract), or the build file for declared tables. */
    Path origin();

    /** A contract's table in the relational shape: the one kind the type mapping turns into columns. */
    default boolean relational() {
        return this instanceof ForContract forContract && forContract.strategy() == Strategy.RELATIONAL;
    }

    /** A persistent contract's table. */
    record ForContract(Contract contract, String table, Strategy strategy) implements PlannedTable {
        @Override
        public String source() {
            return contract.location().key();
        }

        @Override
        public Path origin() {
            return contract.file();
        }
    }

    /** An infrastructure table declared in the build configuration. */
    record Declared(InfrastructureTable declaration) implements PlannedTable {
        @Override
        public String table() {
            return declaration.tableName();
        }

        @Override
        public String source() {
            return declaration.kind().label() + " " + declaration.name();
        }

        @Override
        public Path origin() {
            return Path.of("pom.xml");
        }
    }
}
