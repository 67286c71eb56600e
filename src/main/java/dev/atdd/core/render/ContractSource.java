package dev.atdd.core.render;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    static final String NUL_PROBLEM = "holds a NUL character (\\u0000), which PostgreSQL text cannot hold";

    /**
     * @throws InvalidInputException when a text the table comment would hold has a NUL character
     *         (valid JSON, but no SQL literal can hold it), naming each field's JSON pointer
     */
    public static ContractSource of(Contract contract) {
        List<Problem> problems = new ArrayList<>();
        ContractSource source = new ContractSource(contract.location().relativePath(),
                holdable(contract, "/$id", contract.id(), problems), holdable(contract, "/title", contract.title(), problems),
                holdable(contract, "/description", contract.description(), problems),
                holdable(contract, "/version", contract.version(), problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return source;
    }

    private static String holdable(Contract contract, String pointer, Optional<String> text, List<Problem> problems) {
        if (text.isPresent() && text.get().indexOf('\0') >= 0) {
            problems.add(contract.problem(pointer, NUL_PROBLEM));
        }
        return text.orElse(null);
    }
}
