package dev.atdd.core.render;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.Utf8Text;
import java.io.IOException;
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
     * included by the templates. A name that is most likely a table template's misspelt is refused,
     * since the built-in template would be used without a word and its migrations are never rewritten:
     * any unknown {@code *.sql.ftl} name, and a near miss of a shape's name ({@code jsonb.ftl},
     * {@code jsonb.sq.ftl}, {@code jsonb.sql.ftl.txt}) when the folder does not replace that shape.
     *
     * @throws InvalidInputException when the directory does not exist, a name is a misspelt table
     *         template's, or a shape's name is not a file or cannot be read
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
        List<Path> listed;
        try (Stream<Path> files = Files.list(directory)) {
            listed = files.sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(Problem.in(directory, "cannot list template directory: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        for (Path file : listed) {
            String name = file.getFileName().toString();
            Optional<TableShape> nearMiss = nearMiss(name);
            if (known.contains(name) && !Files.isRegularFile(file)) {
                problems.add(Problem.in(file, "not a file: the built-in template would be used instead"));
            } else if (!known.contains(name) && name.endsWith(TEMPLATE_SUFFIX)) {
                problems.add(Problem.in(file, "not the name of a table template; expected one of " + known));
            } else if (nearMiss.isPresent() && !Files.isDirectory(file)
                    && !Files.exists(directory.resolve(nearMiss.get().templateName()))) {
                String meant = nearMiss.get().templateName();
                problems.add(Problem.in(file, "not the name of a table template, so the built-in " + meant
                        + " would be used; to replace it, name the file " + meant + " (a file your templates"
                        + " include needs a name of its own)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<TableShape, byte[]> templates = new EnumMap<>(TableShape.class);
        for (TableShape shape : TableShape.values()) {
            Path file = directory.resolve(shape.templateName());
            if (Files.isRegularFile(file)) {
                templates.put(shape, Utf8Text.bytes(file));
            }
        }
        return new TemplateOverrides(directory, Collections.unmodifiableMap(templates));
    }

    /**
     * The shape whose template {@code name} nearly is: the same name before the first dot, letter case
     * aside, but not the template's own name ({@code jsonb.ftl}, {@code Jsonb.sql}, {@code jsonb}).
     */
    private static Optional<TableShape> nearMiss(String name) {
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        for (TableShape shape : TableShape.values()) {
            String template = shape.templateName();
            if (!name.equals(template) && stem.equalsIgnoreCase(template.substring(0, template.indexOf('.')))) {
                return Optional.of(shape);
            }
        }
        return Optional.empty();
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
