package dev.atdd.core.naming;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.ContractLocation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contract's table name: {@code {theme}_{domain}_{aspect}} in snake_case, or the contract's own
 * {@code persistence.table}; at most 63 bytes.
 *
 * @param shortened true when the derived name was longer than 63 bytes and got a hash suffix
 */
public record TableName(String value, boolean shortened) {

    /** The form of a table name a user writes (a contract's {@code persistence.table}, a declared table). */
    private static final Pattern WRITTEN_FORM = Pattern.compile("[a-z][a-z0-9_]*");

    /** Whether {@code name} has the written form: PostgreSQL takes it unquoted, as it is. */
    public static boolean isWrittenForm(String name) {
        return WRITTEN_FORM.matcher(name).matches();
    }

    /** Why {@code name} is refused, in words (a regex means little to many readers): one wording for every caller. */
    public static String notWrittenForm(String name) {
        return "\"" + name + "\" is not a table name: use lower-case letters, digits and _, starting with a letter";
    }

    /**
     * @param contractFile for the message when no usable name can be derived
     * @throws InvalidInputException when the derived name is empty or does not start with a letter
     */
    public static TableName of(Path contractFile, ContractLocation location, Optional<String> explicitTable) {
        if (explicitTable.isPresent()) {
            return new TableName(explicitTable.get(), false);
        }
        String theme = SnakeCase.of(location.theme());
        String domain = SnakeCase.of(location.domain());
        String aspect = SnakeCase.of(location.aspect());
        String derived = SnakeCase.of(theme + "_" + domain + "_" + aspect);
        String unusable = theme.isEmpty() ? "theme \"" + location.theme() + "\""
                : domain.isEmpty() ? "domain \"" + location.domain() + "\""
                : aspect.isEmpty() ? "aspect \"" + location.aspect() + "\"" : null;
        if (unusable != null) {
            throw new InvalidInputException(Problem.in(contractFile, "the " + unusable + " gives no part of a table"
                    + " name: only the letters a-z (any case), digits and _ are kept;"
                    + " set x-artifact-metadata.persistence.table"));
        }
        if (derived.charAt(0) < 'a' || derived.charAt(0) > 'z') {
            throw new InvalidInputException(Problem.in(contractFile, "the table name \"" + derived
                    + "\" derived from " + location.key() + " must start with a letter;"
                    + " set x-artifact-metadata.persistence.table"));
        }
        String fitted = PgIdentifier.fit(derived);
        return new TableName(fitted, !fitted.equals(derived));
    }
}
