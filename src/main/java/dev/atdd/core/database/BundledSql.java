package dev.atdd.core.database;

import dev.atdd.core.render.SqlTemplates;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
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

    // Rendered as the table templates are: names only through ident().
    private static final Configuration TEMPLATES = SqlTemplates.configuration(
            new ClassTemplateLoader(BundledSql.class, FOLDER));

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
}
