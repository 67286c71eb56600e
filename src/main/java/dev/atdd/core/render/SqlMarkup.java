package dev.atdd.core.render;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of SQL that is ready to be written as it is (made by the template functions). */
public final class SqlMarkup extends CommonTemplateMarkupOutputModel<SqlMarkup> {

    SqlMarkup(String plainText, String markup) {
        super(plainText, markup);
    }

    static SqlMarkup of(String sql) {
        return new SqlMarkup(null, sql);
    }

    @Override
    public SqlOutputFormat getOutputFormat() {
        return SqlOutputFormat.INSTANCE;
    }
}
