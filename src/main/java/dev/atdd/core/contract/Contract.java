package dev.atdd.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atdd.core.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A loaded JSON Schema contract: its place in the contracts tree, the fields the plugin reads, and
 * the schema document for the type mapping.
 */
public record Contract(
        Path file,
        ContractLocation location,
        SchemaDocument document,
        Optional<String> id,
        Optional<String> title,
        Optional<String> description,
        Optional<String> version,
        Optional<Audience> audience,
        Optional<Strategy> strategy,
        Optional<String> explicitTable,
        Optional<String> migration,
        List<IndexSpec> indexes) {

    /** Root keywords under which a schema may declare keys, or require them, beside its own {@code properties}. */
    private static final List<String> COMPOSING_KEYWORDS = List.of("allOf", "anyOf", "oneOf", "$ref", "if", "then",
            "else", "dependentSchemas", "dependencies", "patternProperties");

    /** Where {@code persistence.migration} lies in the contract, for messages about it. */
    public static final String MIGRATION_POINTER = "/x-artifact-metadata/persistence/migration";

    public Contract {
        indexes = List.copyOf(indexes);
    }

    /**
     * A problem of this contract at a JSON pointer ({@code /properties/amount: message}), placed at the line
     * and column of the value the pointer names (see {@link #problems}).
     */
    public Problem problem(String pointer, String message) {
        return problems(List.of(new SchemaProblem(pointer, message))).get(0);
    }

    /**
     * Problems of this contract at JSON pointers, in their order, each placed at the line and column of the
     * value its pointer names, or of the nearest value above it that the file has; the file's text is read
     * again once for them all.
     */
    public List<Problem> problems(List<SchemaProblem> problems) {
        return document.place(file, problems);
    }

    /**
     * The file name {@code persistence.migration} names: a path from the project or from the migrations
     * folder names the same file, so only its last part counts.
     */
    public Optional<String> migrationFileName() {
        return migration.map(named -> named.substring(Math.max(named.lastIndexOf('/'), named.lastIndexOf('\\')) + 1));
    }

    /** The whole schema, parsed on the first call (see {@link SchemaDocument}). */
    public JsonNode schema() {
        return document.tree();
    }

    /** True when {@code properties} holds at least one property. */
    public boolean hasProperties() {
        return !document.propertyNames().isEmpty();
    }

    public boolean hasProperty(String name) {
        return document.propertyNames().contains(name);
    }

    /** The composing keywords ({@code allOf}, {@code $ref}, {@code if}, ...) the root of the schema uses, in that order. */
    public List<String> composingKeywords() {
        return COMPOSING_KEYWORDS.stream().filter(document.rootKeys()::contains).toList();
    }

    /**
     * Where {@code required} lists a name that {@code properties} does not declare (positions in
     * {@link SchemaDocument#requiredNames}, which are those of the array: a loaded contract's entries are all
     * names), when the root declares keys nowhere else ({@link #composingKeywords}): valid JSON Schema, but
     * most likely a typo.
     */
    public List<Integer> undeclaredRequired() {
        if (!composingKeywords().isEmpty()) {
            return List.of();
        }
        List<String> names = document.requiredNames();
        return IntStream.range(0, names.size()).filter(i -> !hasProperty(names.get(i))).boxed().toList();
    }
}
