package dev.atdd.core.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one property schema maps to before it is named and its NOT NULL is decided.
 *
 * @param narrowest    the narrowest type that holds every value the schema admits: SMALLINT for an integer
 *                     bounded within 16 bits, which a table may use though the mapping writes INTEGER; else
 *                     the type
 * @param admitsNull   true when the schema itself accepts JSON null (a type array or enum with null)
 * @param source       the JSON Schema type in words, for review notes
 * @param textFallback true when TEXT holds values of no one JSON type, each as its JSON text: an enum of
 *                     strings and numbers, null alone, strings where the type says otherwise
 * @param items        for an array of one scalar type, what its items map to
 * @param alternative  another type a reviewer may give the column, as its review note says: TEXT for a union of
 *                     scalar types, which holds each value as its text
 * @param longestText  for TEXT, the most characters a value the schema admits may have (its {@code maxLength},
 *                     its longest {@code enum} or {@code const} value); empty where the schema sets no bound
 */
record PropertyShape(PgType type, PgType narrowest, boolean admitsNull, List<Check> checks, List<String> todos,
                     String source, boolean textFallback, Optional<ScalarItems> items, Optional<PgType> alternative,
                     OptionalInt longestText) {

    PropertyShape {
        checks = List.copyOf(checks);
        todos = List.copyOf(todos);
    }

    static PropertyShape of(PgType type, String source) {
        return new PropertyShape(type, type, false, List.of(), List.of(), source, false, Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    /** A JSONB column with a note that says why the value is not broken into a typed column. */
    static PropertyShape jsonb(String todo, String source) {
        return of(PgType.JSONB, source).withTodo(todo);
    }

    PropertyShape withTodo(String todo) {
        List<String> more = new ArrayList<>(todos);
        more.add(todo);
        return new PropertyShape(type, narrowest, admitsNull, checks, more, source, textFallback, items, alternative,
                longestText);
    }

    PropertyShape withCheck(Check check) {
        List<Check> more = new ArrayList<>(checks);
        more.add(check);
        return new PropertyShape(type, narrowest, admitsNull, more, todos, source, textFallback, items, alternative,
                longestText);
    }

    PropertyShape admittingNull(boolean nullable) {
        return new PropertyShape(type, narrowest, nullable, checks, todos, source, textFallback, items, alternative,
                longestText);
    }

    PropertyShape asTextFallback() {
        return new PropertyShape(type, narrowest, admitsNull, checks, todos, source, true, items, alternative,
                longestText);
    }

    PropertyShape withNarrowest(PgType narrower) {
        return new PropertyShape(type, narrower, admitsNull, checks, todos, source, textFallback, items, alternative,
                longestText);
    }

    PropertyShape withItems(ScalarItems scalarItems) {
        return new PropertyShape(type, narrowest, admitsNull, checks, todos, source, textFallback,
                Optional.of(scalarItems), alternative, longestText);
    }

    PropertyShape withAlternative(PgType other) {
        return new PropertyShape(type, narrowest, admitsNull, checks, todos, source, textFallback, items,
                Optional.of(other), longestText);
    }

    PropertyShape withLongestText(int characters) {
        return new PropertyShape(type, narrowest, admitsNull, checks, todos, source, textFallback, items, alternative,
                OptionalInt.of(characters));
    }
}
