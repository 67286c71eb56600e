package dev.atdd.core.database;

import dev.atdd.core.naming.PgIdentifier;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables of one schema as PostgreSQL's catalog describes them after the migrations ran: what
 * the contracts are compared with. Read with the queries in {@code dev/atdd/database/snapshot-*.sql}.
 *
 * @param schema the schema read, for example {@code public}
 * @param tables its ordinary and partitioned tables, by name
 */
public record SchemaSnapshot(String schema, List<Table> tables) {

    public SchemaSnapshot {
        Objects.requireNonNull(schema, "schema");
        tables = List.copyOf(tables);
    }

    /**
     * A table.
     *
     * @param rowLevelSecurity whether {@code ENABLE ROW LEVEL SECURITY} is in force
     * @param columns          its columns in table order
     * @param checks           its CHECK constraints by name
     * @param indexes          its indexes by name, primary key and unique constraints included
     */
    public record Table(String name, boolean rowLevelSecurity, List<Column> columns, List<Check> checks,
                        List<Index> indexes) {
        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            checks = List.copyOf(checks);
            indexes = List.copyOf(indexes);
        }

        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }
    }

    /**
     * A column.
     *
     * @param type              the type as {@code format_type} writes it, e.g. {@code timestamp with time zone}
     * @param storedType        the type its values are stored as, written alike: a domain's base type (through
     *                          every level of domain), else {@code type} itself
     * @param notNull           whether it is declared NOT NULL (a primary key column is)
     * @param defaultExpression its default as PostgreSQL prints it, when it has one
     * @param enumLabels        the labels of its stored type in their order, when that is an enum type, or of its
     *                          element type, for an array of one ({@code order_status[]}); empty for any other type
     */
    public record Column(String name, String type, String storedType, boolean notNull,
                         Optional<String> defaultExpression, Optional<List<String>> enumLabels) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(storedType, "storedType");
            Objects.requireNonNull(defaultExpression, "defaultExpression");
            enumLabels = enumLabels.map(List::copyOf);
        }
    }

    /**
     * A CHECK constraint.
     *
     * @param columns    the columns its expression reads, in the catalog's order
     * @param definition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK (score >= 0)}
     */
    public record Check(String name, List<String> columns, String definition) {
        public Check {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            Objects.requireNonNull(definition, "definition");
        }
    }

    /**
     * An index.
     *
     * @param method     the access method: {@code btree}, {@code gin}, {@code gist}, {@code hash}, ...
     * @param keys       its key columns, or expressions, as PostgreSQL prints them
     * @param valid      false for an index left unusable by a failed {@code CREATE INDEX CONCURRENTLY}
     * @param predicate  the WHERE of a partial index
     * @param definition the whole {@code CREATE INDEX} as {@code pg_get_indexdef} prints it
     */
    public record Index(String name, String method, boolean unique, boolean primaryKey, boolean valid,
                        List<String> keys, Optional<String> predicate, String definition) {
        public Index {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(method, "method");
            keys = List.copyOf(keys);
            Objects.requireNonNull(predicate, "predicate");
            Objects.requireNonNull(definition, "definition");
        }
    }

    /**
     * Reads the tables of {@code schema} through {@code connection}.
     *
     * @throws ScratchDatabaseException when the catalog cannot be read
     */
    public static SchemaSnapshot read(Connection connection, String schema) {
        try {
            // The catalog's text (constraint definitions, type names) qualifies what is off the search
            // path, as OPERATOR(extensions.=) and extensions.citext: it is read on Supabase's path, whatever
            // path the migrations left (pg_dump's output, for one, starts by emptying it).
            String previous = searchPath(connection, "\"$user\", " + PgIdentifier.render(schema) + ", extensions");
            try {
                return catalog(connection, schema);
            } finally {
                searchPath(connection, previous);
            }
        } catch (SQLException e) {
            throw new ScratchDatabaseException("cannot read the catalog of schema " + schema, e);
        }
    }

    private static SchemaSnapshot catalog(Connection connection, String schema) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        query(connection, "snapshot-columns.sql", schema, rs -> {
            Array enumLabels = rs.getArray("enum_labels");
            columns.computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>())
                    .add(new Column(rs.getString("column_name"), rs.getString("data_type"), rs.getString("stored_type"),
                            rs.getBoolean("not_null"), Optional.ofNullable(rs.getString("default_expression")),
                            enumLabels == null ? Optional.empty() : Optional.of(strings(enumLabels))));
        });
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        query(connection, "snapshot-checks.sql", schema, rs -> checks
                .computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>())
                .add(new Check(rs.getString("constraint_name"), strings(rs.getArray("column_names")),
                        rs.getString("definition"))));
        Map<String, List<Index>> indexes = new LinkedHashMap<>();
        query(connection, "snapshot-indexes.sql", schema, rs -> indexes
                .computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>())
                .add(new Index(rs.getString("index_name"), rs.getString("method"), rs.getBoolean("is_unique"),
                        rs.getBoolean("is_primary"), rs.getBoolean("is_valid"),
                        strings(rs.getArray("key_columns")), Optional.ofNullable(rs.getString("predicate")),
                        rs.getString("definition"))));
        List<Table> tables = new ArrayList<>();
        query(connection, "snapshot-tables.sql", schema, rs -> {
            String name = rs.getString("table_name");
            tables.add(new Table(name, rs.getBoolean("row_level_security"),
                    columns.getOrDefault(name, List.of()), checks.getOrDefault(name, List.of()),
                    indexes.getOrDefault(name, List.of())));
        });
        return new SchemaSnapshot(schema, tables);
    }

    /** Sets the session's search path, returning the one it replaces. */
    private static String searchPath(Connection connection, String path) throws SQLException {
        String[] previous = new String[1];
        query(connection, "search-path.sql", path, rs -> previous[0] = rs.getString("previous"));
        return previous[0];
    }

    /** The table called {@code name}, if the schema has one. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String resource, String schema, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BundledSql.text(resource))) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
