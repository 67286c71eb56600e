package dev.atdd.core.render;

import dev.atdd.core.LowerCaseName;
import dev.atdd.core.naming.PgIdentifier;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The only ways a template can put data into SQL; each turns a value into SQL markup of one kind.
 * Exposed to every template as a shared variable named after the constant in lower case.
 */
enum SqlFunction implements TemplateMethodModelEx {

    /** A table, column, index or constraint name, through {@link PgIdentifier#render}. */
    IDENT(PgIdentifier::render),
    /** A string literal, through {@link SqlLiteral#render}. */
    LITERAL(SqlLiteral::render),
    /** A number or boolean written bare, as a DBA writes it for a column of its type; never free text. */
    CONSTANT(SqlFunction::constant),
    /** Text inside a {@code --} comment, through {@link SqlComment#text}. */
    COMMENT(SqlComment::text),
    /** A type or index method: an enum constant name or fixed keyword, never free text. */
    KEYWORD(SqlFunction::keyword);

    private static final Pattern KEYWORD_SHAPE = Pattern.compile("[A-Z][A-Z_ ]*");
    /** A JSON number as {@code BigDecimal} prints it, or a JSON boolean: nothing else can reach SQL bare. */
    private static final Pattern CONSTANT_SHAPE = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E[+-]?[0-9]+)?|true|false");

    private final UnaryOperator<String> renderer;

    SqlFunction(UnaryOperator<String> renderer) {
        this.renderer = renderer;
    }

    /** The name templates call it by. */
    String variableName() {
        return LowerCaseName.of(this);
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException(variableName() + "() takes one argument, got " + arguments.size());
        }
        Object value = DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Enum<?> e) {
            text = e.name();
        } else {
            throw new TemplateModelException(variableName() + "() takes a string, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        try {
            return SqlMarkup.of(renderer.apply(text));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException(variableName() + "(): " + e.getMessage());
        }
    }

    private static String constant(String text) {
        if (!CONSTANT_SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a number or boolean: " + SqlComment.text(text));
        }
        return text;
    }

    private static String keyword(String text) {
        if (!KEYWORD_SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a keyword (expected [A-Z][A-Z_ ]*): " + SqlComment.text(text));
        }
        return text;
    }
}
