package dev.atdd.core.types;

/** The PostgreSQL column types the type mapping can choose. The constant name is the SQL keyword. */
public enum PgType {
    TEXT, UUID, TIMESTAMPTZ, DATE, TIME, SMALLINT, INTEGER, BIGINT, NUMERIC, BOOLEAN, JSONB
}
