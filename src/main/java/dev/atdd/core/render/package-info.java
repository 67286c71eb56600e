/**
 * DDL rendering: Java decides what a table holds (the render models), FreeMarker templates say how the
 * SQL reads ({@code dev/atdd/templates/*.sql.ftl}, one per {@link dev.atdd.core.render.TableShape},
 * each replaceable by a user's file of the same name).
 *
 * <p>Templates run in the {@link dev.atdd.core.render.SqlOutputFormat}, which refuses plain text: data
 * reaches SQL only through five functions, each the one renderer of its kind —
 * {@code ident(name)} ({@link dev.atdd.core.naming.PgIdentifier#render}), {@code literal(text)}
 * ({@link dev.atdd.core.render.SqlLiteral#render}), {@code comment(text)}
 * ({@link dev.atdd.core.render.SqlComment#text}), {@code constant(text)} (a number or boolean, written
 * bare) and {@code keyword(x)} (an enum constant or fixed keyword matching {@code [A-Z][A-Z_ ]*}). The template sees its model as {@code model}.
 *
 * <p>TODO markers: only the relational shape writes {@code -- ⚠️ TODO:} lines. User text can never add
 * one: {@code comment()} writes {@code TODO:} as {@code TO-DO:}, and {@code literal()} splits a value
 * holding {@code TODO:} into two adjacent literals on two lines (PostgreSQL joins them, so the value is
 * unchanged).
 *
 * <p>Indexes from {@code persistence.indexes}: on the jsonb shape btree and hash index
 * {@code (data->>'key')}, gin indexes {@code (data->'key')}; on the relational shape they index
 * columns. gist is refused (no default GiST operator class exists for jsonb, text or the scalar types),
 * as are a hash index over more than one field and a gin index on a non-JSONB column: the build fails
 * rather than writing an index PostgreSQL would reject.
 */
package dev.atdd.core.render;
