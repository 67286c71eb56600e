package dev.atdd.core.render;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A user's template folder, checked and its table templates read once: what {@link SqlTemplates}
 * parses, and what a stamp digests without reading the files again. Reading needs no FreeMarker, so a
 * build whose stamp stands does not start it. Files the templates include are read when a table is
 * rendered, not here.
 */
public final class TemplateOverrides {

    private static final String TEMPLATE_SUFFIX = ".sql.ftl";
    private static final TemplateOverrides NONE = new TemplateOverrides(null, Map.of());

    private final Path directory;
    private final Map<TableShape, byte[]> templates;

    private TemplateOverrides(Path directory, Map<TableShape, byte[]> templates) {
        this.directory = directory;
        this.templates = templates;
    }

    /** No folder: the built-in templates only. */
    public static TemplateOverrides none() {
        return NONE;
    }

    /**
     * Checks the folder and reads the file of each shape's name there. Other files there may be
     * included by the templates; a {@code *.sql.ftl} file that is no shape's template is reported, as
     * it is most likely a misspelt name.
     *
     * @throws InvalidInputException when the directory does not exist, a {@code *.sql.ftl} name is
     *         unknown, or a shape's name is not a file
     */
    public static TemplateOverrides read(Path templateDirectory) {
        Path directory = templateDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(Problem.in(directory, "template directory does not exist"));
        }
        Set<String> known = new TreeSet<>();
        for (TableShape shape : TableShape.values()) {
            known.add(shape.templateName());
        }
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!known.contains(name) && name.endsWith(TEMPLATE_SUFFIX)) {
                    problems.add(Problem.in(file, "not the name of a table template; expected one of " + known));
                } else if (known.contains(name) && !Files.isRegularFile(file)) {
                    problems.add(Problem.in(file, "not a file: the built-in template would be used instead"));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(Problem.in(directory, "cannot list template directory: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<TableShape, byte[]> templates = new EnumMap<>(TableShape.class);
        for (TableShape shape : TableShape.values()) {
            Path file = directory.resolve(shape.templateName());
            if (Files.isRegularFile(file)) {
                try {
                    templates.put(shape, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read template " + shape.templateName(), e);
                }
            }
        }
        return new TemplateOverrides(directory, Collections.unmodifiableMap(templates));
    }

    /** The folder, or empty for {@link #none()}. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The user's file that replaces the shape's built-in template, if there is one. */
    public Optional<Path> file(TableShape shape) {
        return templates.containsKey(shape) ? Optional.of(directory.resolve(shape.templateName())) : Optional.empty();
    }

    /** The bytes read from the shape's file, as the template is parsed from them; empty without one. */
    public Optional<byte[]> content(TableShape shape) {
        return Optional.ofNullable(templates.get(shape)).map(byte[]::clone);
    }
}
