package dev.atdd.core.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * The FreeMarker output format of the SQL templates. Unlike HTML there is no single escaping that makes
 * any text safe in SQL (a name, a string literal and a comment each need their own), so plain text is
 * not escaped but refused: a template can only write user data through {@code ident()},
 * {@code literal()}, {@code constant()}, {@code comment()} or {@code keyword()}, which return ready SQL markup. Integer
 * numerals are the one exception, so that {@code ${n?c}} works.
 */
public final class SqlOutputFormat extends CommonMarkupOutputFormat<SqlMarkup> {

    public static final SqlOutputFormat INSTANCE = new SqlOutputFormat();

    static final String REFUSAL = "raw text in SQL: use ident(), literal(), constant(), comment() or keyword()";

    private static final Pattern INTEGER_NUMERAL = Pattern.compile("[0-9]+");

    private SqlOutputFormat() {
    }

    @Override
    public String getName() {
        return "SQL";
    }

    @Override
    public String getMimeType() {
        return "application/sql";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException, TemplateModelException {
        out.write(escapePlainText(textToEscape));
    }

    @Override
    public String escapePlainText(String plainText) throws TemplateModelException {
        if (INTEGER_NUMERAL.matcher(plainText).matches()) {
            return plainText;
        }
        throw new TemplateModelException(REFUSAL + " (got \"" + SqlComment.text(abbreviate(plainText)) + "\")");
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected SqlMarkup newTemplateMarkupOutputModel(String plainText, String markup) {
        return new SqlMarkup(plainText, markup);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
