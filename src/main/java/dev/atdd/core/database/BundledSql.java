package dev.atdd.core.database;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The SQL this package sends of its own accord, shipped as resources under {@code dev/atdd/database/}:
 * plain {@code .sql} files for fixed text, FreeMarker {@code .sql.ftl} templates where an identifier
 * must be written into the text (a database name cannot be a bind parameter).
 */
final class BundledSql {

    private static final String FOLDER = "/dev/atdd/database/";

    private static final Configuration TEMPLATES = templates();

    private BundledSql() {
    }

    /** The text of the resource {@code name} in the bundled SQL folder. */
    static String text(String name) {
        try (InputStream in = BundledSql.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled SQL resource missing from the plugin jar: " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled SQL resource " + FOLDER + name, e);
        }
    }

    /** The FreeMarker template {@code name} rendered with {@code model}. */
    static String render(String name, Map<String, ?> model) {
        try {
            StringWriter out = new StringWriter();
            TEMPLATES.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled SQL template " + FOLDER + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("bundled SQL template " + FOLDER + name + " failed to render", e);
        }
    }

    private static Configuration templates() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassForTemplateLoading(BundledSql.class, FOLDER);
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        return configuration;
    }
}
