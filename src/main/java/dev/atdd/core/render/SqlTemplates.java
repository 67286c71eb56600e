package dev.atdd.core.render;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import freemarker.cache.ByteArrayTemplateLoader;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL templates, one per {@link TableShape}: the built-in ones shipped in the jar, each replaceable
 * by a file of the same name in a user's template directory. All templates are parsed when the
 * instance is made, so a broken user template is reported before anything is written. Thread-safe.
 */
public final class SqlTemplates {

    /** Where the built-in templates lie in the jar. */
    public static final String BUILT_IN_LOCATION = "dev/atdd/templates";

    /** FreeMarker's place of an expression, {@code [in template "x.ftl" at line 3, column 5]}. */
    private static final Pattern PLACE = Pattern.compile("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]");
    /** The Java class FreeMarker wrapped a value in, {@code (wrapper: f.t.SimpleScalar)}. */
    private static final Pattern WRAPPER = Pattern.compile(" \\(wrapper: [^)]*\\)");
    /** FreeMarker's Java objects that looked for a missing include: the template's folder, then the jar's. */
    private static final Pattern LOADER = Pattern.compile("The name was interpreted by this TemplateLoader: .*");
    /** The innermost instruction of FreeMarker's stack, {@code - Failed at: ${ident(model.tabel)}  [in template …]}. */
    private static final Pattern FAILED_AT = Pattern.compile("Failed at: (.*)");
    /** A tip longer than this is FreeMarker's generic advice, not about the user's template. */
    private static final int SHORT_TIP = 120;

    private final Map<TableShape, Template> templates;
    private final Path overrideDirectory;
    /** The shapes whose template is the user's file, found once rather than for every table rendered. */
    private final Map<TableShape, Path> userTemplates = new EnumMap<>(TableShape.class);

    private SqlTemplates(TemplateOverrides overrides) {
        this.overrideDirectory = overrides.directory().orElse(null);
        for (TableShape shape : TableShape.values()) {
            overrides.file(shape).ifPresent(file -> userTemplates.put(shape, file));
        }
        Configuration configuration = configuration(loader(overrides));
        Map<TableShape, Template> parsed = new EnumMap<>(TableShape.class);
        List<Problem> problems = new ArrayList<>();
        for (TableShape shape : TableShape.values()) {
            try {
                parsed.put(shape, configuration.getTemplate(shape.templateName()));
            } catch (ParseException e) {
                problems.add(new Problem(sourceOf(e.getTemplateName() == null ? shape.templateName() : e.getTemplateName()), e.getLineNumber(),
                        e.getColumnNumber(), e.getEditorMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + shape.templateName(), e);
            } catch (IllegalArgumentException e) {
                // The parser's way of refusing some settings in an <#ftl> header (output_format under FORCE).
                problems.add(Problem.in(sourceOf(shape.templateName()), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        this.templates = Collections.unmodifiableMap(parsed);
    }

    /** The templates shipped in the jar. */
    public static SqlTemplates builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * The built-in templates, each replaced by the file of the same name in {@code templateDirectory}
     * when there is one: {@link TemplateOverrides#read} then {@link #withOverrides(TemplateOverrides)}.
     *
     * @throws InvalidInputException as {@link TemplateOverrides#read} does, or when a template does not
     *         parse (with its file, line and column)
     */
    public static SqlTemplates withOverrides(Path templateDirectory) {
        return withOverrides(TemplateOverrides.read(templateDirectory));
    }

    /**
     * The built-in templates, each replaced by the user's template read already; the files those
     * include are read from the user's folder when a table is rendered.
     *
     * @throws InvalidInputException when a template does not parse (with its file, line and column)
     */
    public static SqlTemplates withOverrides(TemplateOverrides overrides) {
        return overrides.directory().isEmpty() ? builtIn() : new SqlTemplates(overrides);
    }

    /**
     * The SQL of one table. The template sees {@code model} as the variable {@code model}.
     *
     * @throws InvalidInputException when the template fails (an error in a user template, or data that
     *         cannot be written, such as a NUL character), naming the template file, line and column
     */
    public String render(TableShape shape, Object model) {
        StringWriter out = new StringWriter();
        try {
            templates.get(shape).process(Map.of("model", model), out);
        } catch (TemplateException e) {
            String source = e.getTemplateSourceName() == null ? shape.templateName() : e.getTemplateSourceName();
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
            throw new InvalidInputException(new Problem(sourceOf(source), line, column,
                    brief(e.getMessageWithoutStackTop(), e.getFTLInstructionStack())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The user's file that replaces the shape's built-in template, if there is one. */
    public Optional<Path> userTemplate(TableShape shape) {
        return Optional.ofNullable(userTemplates.get(shape));
    }

    /**
     * The file a template came from: the user's (a table template or a file it includes: the user's
     * folder is searched first), or its place in the jar for a built-in one.
     */
    private Path sourceOf(String templateName) {
        if (overrideDirectory != null && Files.isRegularFile(overrideDirectory.resolve(templateName))) {
            return overrideDirectory.resolve(templateName);
        }
        return Path.of(BUILT_IN_LOCATION, templateName);
    }

    /**
     * FreeMarker's message without what the problem already says or the user cannot act on: the
     * {@code [in template ...]} place (the problem has it), wrapper class names, the template loaders
     * that did not find an include, blank lines and the long generic tips. Kept: its description, the {@code ==> expression} it names, and short tips.
     * Where it names no expression (an error of one of our functions), the instruction that failed is named instead.
     */
    private static String brief(String message, String instructions) {
        List<String> kept = new ArrayList<>();
        boolean inTips = false;
        for (String line : message.strip().split("\n")) {
            String text = LOADER.matcher(PLACE.matcher(WRAPPER.matcher(line).replaceAll("")).replaceAll(""))
                    .replaceAll("").strip();
            if (text.equals("----")) {
                inTips = true;
            } else if (!text.isEmpty() && (!inTips || text.length() <= SHORT_TIP)) {
                kept.add(text);
            }
        }
        Matcher failed = FAILED_AT.matcher(instructions == null ? "" : instructions);
        if (kept.stream().noneMatch(text -> text.startsWith("==>")) && failed.find()) {
            kept.add("==> " + PLACE.matcher(failed.group(1)).replaceAll("").strip());
        }
        return String.join("\n", kept);
    }

    /**
     * The FreeMarker set-up of every SQL template the plugin renders, its own or the user's: output
     * in {@link SqlOutputFormat}, which refuses raw text, and the functions of {@link SqlFunction}.
     */
    public static Configuration configuration(TemplateLoader loader) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setRecognizeStandardFileExtensions(false);
        configuration.setRegisteredCustomOutputFormats(List.of(SqlOutputFormat.INSTANCE));
        configuration.setOutputFormat(SqlOutputFormat.INSTANCE);
        // FORCE: ?no_esc, <#noautoesc> and non-escaping output formats are parse errors.
        configuration.setAutoEscapingPolicy(Configuration.FORCE_AUTO_ESCAPING_POLICY);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.ROOT);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setLocalizedLookup(false);
        // Columns are reported in characters, as editors number them.
        configuration.setTabSize(1);
        configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        configuration.setTemplateLoader(loader);
        for (SqlFunction function : SqlFunction.values()) {
            configuration.setSharedVariable(function.variableName(), function);
        }
        return configuration;
    }

    /** The user's templates as read, then the files of their folder they include, then the built-in ones. */
    private static TemplateLoader loader(TemplateOverrides overrides) {
        TemplateLoader builtIn = new LineFeedTemplateLoader(
                new ClassTemplateLoader(SqlTemplates.class.getClassLoader(), BUILT_IN_LOCATION));
        if (overrides.directory().isEmpty()) {
            return builtIn;
        }
        Path directory = overrides.directory().get();
        ByteArrayTemplateLoader read = new ByteArrayTemplateLoader();
        for (TableShape shape : TableShape.values()) {
            overrides.content(shape).ifPresent(bytes -> read.putTemplate(shape.templateName(), bytes));
        }
        try {
            TemplateLoader included = new FileTemplateLoader(directory.toFile(), true);
            return new MultiTemplateLoader(new TemplateLoader[] {new LineFeedTemplateLoader(read),
                    new LineFeedTemplateLoader(included), builtIn});
        } catch (IOException e) {
            throw new InvalidInputException(Problem.in(directory, "cannot read template directory: " + e.getMessage()));
        }
    }

    /** Holder idiom: the built-in templates are parsed once, on first use. */
    private static final class BuiltIn {
        static final SqlTemplates INSTANCE = new SqlTemplates(TemplateOverrides.none());
    }
}
