package dev.atdd.core.types;

import java.util.ArrayList;
import java.util.List;

/**
 * What one property schema maps to before it is named and its NOT NULL is decided.
 *
 * @param admitsNull true when the schema itself accepts JSON null (a type array or enum with null)
 * @param source     the JSON Schema type in words, for review notes
 */
record PropertyShape(PgType type, boolean admitsNull, List<Check> checks, List<String> todos, String source) {

    PropertyShape {
        checks = List.copyOf(checks);
        todos = List.copyOf(todos);
    }

    static PropertyShape of(PgType type, String source) {
        return new PropertyShape(type, false, List.of(), List.of(), source);
    }

    /** A JSONB column with a note that says why the value is not broken into a typed column. */
    static PropertyShape jsonb(String todo, String source) {
        return of(PgType.JSONB, source).withTodo(todo);
    }

    PropertyShape withTodo(String todo) {
        List<String> more = new ArrayList<>(todos);
        more.add(todo);
        return new PropertyShape(type, admitsNull, checks, more, source);
    }

    PropertyShape withCheck(Check check) {
        List<Check> more = new ArrayList<>(checks);
        more.add(check);
        return new PropertyShape(type, admitsNull, more, todos, source);
    }

    PropertyShape admittingNull(boolean nullable) {
        return new PropertyShape(type, nullable, checks, todos, source);
    }
}
