package dev.atdd.core.render;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.Typo;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.IndexSpec;
import dev.atdd.core.contract.IndexSpec.IndexMethod;
import dev.atdd.core.naming.PgIdentifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Turns a contract's {@code persistence.indexes} into indexes PostgreSQL 15 can build, or reports why not. */
final class IndexPlan {

    private IndexPlan() {
    }

    /**
     * The name PostgreSQL gives the index of a table's primary key: the table name cut to fit
     * {@code _pkey} in 63 bytes, on a character boundary (PostgreSQL's makeObjectName).
     */
    static String primaryKeyIndex(String table) {
        String suffix = "_pkey";
        return PgIdentifier.prefixWithin(table, PgIdentifier.MAX_BYTES - suffix.length()) + suffix;
    }

    /**
     * @param takenNames  index names the shape already uses
     * @param target      what a field indexes (a key or a column), empty when the field cannot be indexed
     * @param fieldsAre   what the fields must be, for the problem of one that is not ("a column of t")
     * @param isJsonb     whether a target holds JSONB (the only type of ours with a default GIN class)
     */
    static List<TableIndex> plan(Contract contract, String table, Set<String> takenNames,
                                 Function<String, Optional<String>> target, String fieldsAre,
                                 Predicate<String> isJsonb) {
        List<Problem> problems = new ArrayList<>();
        List<TableIndex> indexes = new ArrayList<>();
        Set<String> names = new HashSet<>(takenNames);
        for (IndexSpec spec : contract.indexes()) {
            if (spec.fields().isEmpty()) {
                problems.add(contract.problem(spec.pointer(), "an index needs at least one field"));
                continue;
            }
            if (spec.method() == IndexMethod.GIST) {
                // No default GiST operator class exists for jsonb, text or our scalar types.
                problems.add(contract.problem(spec.pointer() + "/type", "gist indexes are not supported: PostgreSQL "
                        + "has no default GiST operator class for these columns; use btree, hash or gin"));
                continue;
            }
            if (spec.method() == IndexMethod.HASH && spec.fields().size() > 1) {
                problems.add(contract.problem(spec.pointer() + "/fields", "a hash index covers exactly one field"));
                continue;
            }
            if (spec.name() != null && spec.name().indexOf('\0') >= 0) {
                problems.add(contract.problem(spec.pointer() + "/name", ContractSource.NUL_PROBLEM));
            }
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < spec.fields().size(); i++) {
                String field = spec.fields().get(i);
                Optional<String> found = target.apply(field);
                if (field.indexOf('\0') >= 0) {
                    problems.add(contract.problem(spec.pointer() + "/fields/" + i, ContractSource.NUL_PROBLEM));
                } else if (found.isEmpty()) {
                    problems.add(contract.problem(spec.pointer() + "/fields/" + i, "field '" + field + "' is not "
                            + fieldsAre + Typo.didYouMean(field, contract.document().propertyNames())));
                } else if (spec.method() == IndexMethod.GIN && !isJsonb.test(found.get())) {
                    problems.add(contract.problem(spec.pointer() + "/fields/" + i, "a gin index needs a JSONB value, '"
                            + field + "' is not one"));
                } else {
                    targets.add(found.get());
                }
            }
            String requested = spec.name() == null || spec.name().isBlank()
                    ? "idx_" + table + "_" + String.join("_", targets) : spec.name();
            String name = PgIdentifier.fit(requested);
            String owner = name.equals(table) ? "the table" : name.equals(primaryKeyIndex(table))
                    ? "the primary key's index" : null;
            // A name given is at fault; one the fields make, the index as a whole.
            String named = spec.name() == null || spec.name().isBlank() ? spec.pointer() : spec.pointer() + "/name";
            if (owner != null) {
                // Tables and indexes share one namespace: CREATE INDEX would fail with "relation already exists".
                problems.add(contract.problem(named, "index name " + name + " is already the name of "
                        + owner + " " + table + "; rename the index"));
            } else if (!names.add(name)) {
                problems.add(contract.problem(named, "index name " + name + " is used twice on " + table));
            }
            if (targets.size() == spec.fields().size()) {
                indexes.add(new TableIndex(name, spec.method(), targets, requested));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return indexes;
    }
}
