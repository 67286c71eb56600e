package dev.atdd.core.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractReader;
import dev.atdd.core.naming.PgIdentifier;
import dev.atdd.core.naming.TableName;
import dev.atdd.core.render.JsonbTableModel;
import dev.atdd.core.render.RelationalTableModel;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.core.render.TableShape;
import dev.atdd.core.types.Check;
import dev.atdd.core.types.Column;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import dev.atdd.core.types.TypeMapping;
import dev.atdd.testing.Folders;
import dev.atdd.testing.Postgres15;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;

/**
 * Property-based test of the whole path, contract file to PostgreSQL 15: thousands of random hostile
 * contracts ({@link HostileContract}) are read, mapped and rendered in both shapes. Each either fails
 * with problems that name the contract file and a JSON pointer inside it, or yields SQL that applies,
 * whose NOT NULLs are exactly the required non-nullable properties, and whose CHECKs accept the values
 * the contract admits and refuse the ones it does not (patterns judged by java.util.regex on a grammar
 * where it means what JavaScript means).
 *
 * <p>Explore with {@code -Datdd.fuzz.seed=N -Datdd.fuzz.count=M}: contract {@code i} of a run uses seed
 * {@code N + i}, so a reported seed reruns alone with {@code -Datdd.fuzz.seed=<seed> -Datdd.fuzz.count=1}.
 */
@ExtendWith(Postgres15.class)
class HostileContractsOnPostgresTest {

    private static final int DEFAULT_COUNT = 500;
    private static final List<Long> FIXED_SEEDS = List.of(1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-10-30T14:30:00Z");
    private static final int REPORTED = 8;
    private static final int SAMPLED_END = 8;

    static Stream<Long> seeds() {
        String seed = System.getProperty("atdd.fuzz.seed");
        return seed == null ? FIXED_SEEDS.stream() : Stream.of(Long.parseLong(seed));
    }

    @ParameterizedTest(name = "seeds {0}..")
    @MethodSource("seeds")
    void everyHostileContractIsRefusedWithItsPointerOrAppliesAndAgreesWithPostgres(long firstSeed, DataSource database,
                                                                                  @TempDir Path directory) throws SQLException, IOException {
        int count = Integer.getInteger("atdd.fuzz.count", DEFAULT_COUNT);
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[2];
        try (Connection connection = database.getConnection()) {
            for (long seed : LongStream.range(firstSeed, firstSeed + count).toArray()) {
                HostileContract contract = HostileContract.generate(seed);
                Run run = new Run(contract, connection, directory.resolve(Long.toString(seed)), failures);
                try {
                    outcomes[run.check() ? 1 : 0]++;
                } catch (RuntimeException | SQLException | IOException e) {
                    run.fail("unexpected " + stackTrace(e));
                }
            }
        }
        if (!failures.isEmpty()) {
            // Every failure, for exploration runs with large counts; the assertion shows the first few.
            Files.write(Path.of("target", "hostile-contracts-" + firstSeed + ".txt"), failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + count + " contracts failed, the first:\n"
                + String.join("\n\n", failures.subList(0, Math.min(REPORTED, failures.size()))));
        // Both outcomes must be exercised, or the generator has drifted into testing only one of them.
        assertTrue(outcomes[0] > count / 20 && outcomes[1] > count / 5,
                "refused " + outcomes[0] + ", applied " + outcomes[1]);
    }

    /** One contract through the public path, with its failures recorded. */
    private static final class Run {
        private final HostileContract generated;
        private final Connection connection;
        private final Path root;
        private final List<String> failures;
        private final Path file;

        Run(HostileContract generated, Connection connection, Path root, List<String> failures) {
            this.generated = generated;
            this.connection = connection;
            this.root = root;
            this.failures = failures;
            List<String> folders = generated.folders();
            this.file = root.resolve(folders.get(0)).resolve(folders.get(1)).resolve(folders.get(2) + ".schema.json");
        }

        /** @return true when the relational shape applied, false when the contract was refused */
        boolean check() throws IOException, SQLException {
            Folders.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated.schema()));
            Contract contract;
            String table;
            try {
                contract = ContractReader.read(file, root);
                table = TableName.of(file, contract.location(), contract.explicitTable()).value();
            } catch (InvalidInputException e) {
                checkRefusal(e);
                return false;
            }
            boolean rowLevelSecurity = generated.seed() % 2 == 0;
            String jsonbSql = null;
            try {
                jsonbSql = SqlTemplates.builtIn().render(TableShape.JSONB,
                        JsonbTableModel.of(contract, table, NOW, rowLevelSecurity));
            } catch (InvalidInputException e) {
                checkRefusal(e);
            }
            if (jsonbSql != null) {
                String schema = "j" + generated.seed();
                if (apply(schema, jsonbSql)) {
                    checkComment(table, contract);
                    expectAccepted(table, "data", PgType.JSONB, "{\"k\": \"it's\"}");
                }
            }
            RelationalTable definition;
            String relationalSql;
            try {
                definition = TypeMapping.map(contract);
                relationalSql = SqlTemplates.builtIn().render(TableShape.RELATIONAL,
                        RelationalTableModel.of(contract, table, definition, NOW, rowLevelSecurity));
            } catch (InvalidInputException e) {
                checkRefusal(e);
                return false;
            }
            if (generated.mustBeRefused()) {
                fail("the contract holds an invalid schema but was mapped to " + definition);
            }
            if (apply("r" + generated.seed(), relationalSql)) {
                checkComment(table, contract);
                checkColumns(table, definition);
            }
            return true;
        }

        /** Every problem names this contract file and starts with a JSON pointer that exists in it. */
        private void checkRefusal(InvalidInputException e) {
            for (Problem problem : e.problems()) {
                if (!problem.file().equals(file)) {
                    fail("a problem names " + problem.file() + " instead of the contract: " + problem);
                } else if (!startsWithPointerInto(generated.schema(), problem.message())) {
                    fail("a problem names no JSON pointer of the contract: " + problem.message());
                }
            }
        }

        private static boolean startsWithPointerInto(JsonNode schema, String message) {
            for (int end = message.indexOf(": "); end > 0; end = message.indexOf(": ", end + 1)) {
                String pointer = message.substring(0, end);
                try {
                    if (pointer.startsWith("/") && !schema.at(JsonPointer.compile(pointer)).isMissingNode()) {
                        return true;
                    }
                } catch (IllegalArgumentException notAPointer) {
                    // try the next ": "
                }
            }
            return false;
        }

        private boolean apply(String schema, String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema + "; SET search_path TO " + schema);
                statement.execute(sql);
                return true;
            } catch (SQLException e) {
                fail("PostgreSQL refused the SQL: " + e.getMessage() + "\n" + abbreviated(sql, 6000));
                return false;
            }
        }

        /** The table comment holds title, description, contract and version exactly, quotes and all. */
        private void checkComment(String table, Contract contract) throws SQLException {
            List<String> about = new ArrayList<>();
            contract.title().ifPresent(about::add);
            contract.description().ifPresent(about::add);
            about.add("Contract: " + contract.id().orElse(contract.location().relativePath()));
            contract.version().ifPresent(v -> about.add("Version: " + v));
            String expected = String.join(" | ", about);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT obj_description(to_regclass(quote_ident(?)), 'pg_class')")) {
                query.setString(1, table);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (!expected.equals(row.getString(1))) {
                        fail("table comment is " + row.getString(1) + "\nexpected " + expected);
                    }
                }
            }
        }

        private void checkColumns(String table, RelationalTable definition) throws SQLException {
            long properties = generated.expected().keySet().stream().filter(p -> !p.equals("/properties/id")).count();
            if (definition.columns().size() != properties) {
                fail(properties + " properties became " + definition.columns().size() + " columns");
            }
            Set<String> notNull = notNullColumns(table);
            for (Column column : definition.columns()) {
                Expectation expectation = generated.expected().get(column.pointer());
                if (expectation == null) {
                    fail("column " + column.name() + " has pointer " + column.pointer() + ", no property's");
                    continue;
                }
                boolean required = generated.required().contains(nameOf(column.pointer()));
                // JSON null fits a JSONB column as the value 'null', so there NOT NULL does not refuse it.
                if (expectation.admitsNull() != null && !(expectation.admitsNull() && column.type() == PgType.JSONB)
                        && notNull.contains(column.name()) != (required && !expectation.admitsNull())) {
                    fail("column " + column.name() + (notNull.contains(column.name()) ? " refuses" : " accepts")
                            + " NULL, but the property is " + (required ? "required" : "optional")
                            + (expectation.admitsNull() ? " and admits null" : " and does not admit null"));
                }
                checkValues(table, column, expectation);
            }
        }

        /**
         * The columns PostgreSQL refuses NULL for, found by inserting an all-default row until it is
         * accepted, dropping the NOT NULL each refusal names (so the CHECKs can be tried one column at a time).
         */
        private Set<String> notNullColumns(String table) throws SQLException {
            Set<String> notNull = new HashSet<>();
            try (Statement statement = connection.createStatement()) {
                while (true) {
                    try {
                        statement.execute("INSERT INTO " + PgIdentifier.render(table) + " DEFAULT VALUES");
                        return notNull;
                    } catch (PSQLException e) {
                        String column = e.getServerErrorMessage() == null ? null : e.getServerErrorMessage().getColumn();
                        if (!"23502".equals(e.getSQLState()) || column == null || !notNull.add(column)) {
                            fail("a row of NULLs failed otherwise: " + e.getMessage());
                            return notNull;
                        }
                        statement.execute("ALTER TABLE " + PgIdentifier.render(table) + " ALTER COLUMN "
                                + PgIdentifier.render(column) + " DROP NOT NULL");
                    }
                }
            }
        }

        private void checkValues(String table, Column column, Expectation expectation) throws SQLException {
            boolean hasCheck = !column.checks().isEmpty();
            if (expectation.checked() && !hasCheck) {
                fail("column " + column.name() + " has no CHECK, though the contract constrains it; notes: "
                        + column.todos());
                return;
            }
            RandomPattern pattern = expectation.pattern();
            if (pattern != null) {
                String regex = column.checks().stream().filter(Check.PatternMatch.class::isInstance)
                        .map(c -> ((Check.PatternMatch) c).regex()).findFirst().orElse("?");
                for (String candidate : pattern.candidates()) {
                    boolean expected = pattern.oracle().matcher(candidate).find();
                    if (inserts(table, column, candidate) != expected) {
                        fail("pattern " + pattern.ecma() + " (PostgreSQL: " + regex + ") "
                                + (expected ? "refused " : "accepted ") + escaped(candidate));
                    }
                }
                return;
            }
            if (column.type() == PgType.JSONB && Boolean.TRUE.equals(expectation.admitsNull())) {
                expectAccepted(table, column.name(), column.type(), "null");
            }
            for (JsonNode value : sample(expectation.valid())) {
                String text = column.type() == PgType.JSONB ? value.toString() : HostileContract.sqlText(value);
                expectAccepted(table, column.name(), column.type(), text);
            }
            for (JsonNode value : expectation.invalid()) {
                if (hasCheck && fits(value, column.type()) && inserts(table, column, HostileContract.sqlText(value))) {
                    fail("column " + column.name() + " " + column.checks() + " accepted " + value
                            + ", which the contract does not admit");
                }
            }
        }

        /** A thousand-value enum is tried at its ends: every value would cost a thousand INSERTs. */
        private static List<JsonNode> sample(List<JsonNode> values) {
            if (values.size() <= 2 * SAMPLED_END) {
                return values;
            }
            List<JsonNode> ends = new ArrayList<>(values.subList(0, SAMPLED_END));
            ends.addAll(values.subList(values.size() - SAMPLED_END, values.size()));
            return ends;
        }

        private static boolean fits(JsonNode value, PgType type) {
            String kind = HostileContract.kindOf(value);
            return switch (type) {
                case SMALLINT, INTEGER, BIGINT -> kind.equals("integer");
                case NUMERIC -> kind.equals("integer") || kind.equals("number");
                case BOOLEAN -> kind.equals("boolean");
                case TEXT -> value.isValueNode();
                default -> false;
            };
        }

        private void expectAccepted(String table, String column, PgType type, String text) throws SQLException {
            try {
                insert(table, column, type, text);
            } catch (SQLException e) {
                fail("column " + column + " " + type + " refused the valid value " + escaped(text) + ": " + e.getMessage());
            }
        }

        /** True when stored, false when a CHECK refused it; any other error is a failure. */
        private boolean inserts(String table, Column column, String text) throws SQLException {
            try {
                insert(table, column.name(), column.type(), text);
                return true;
            } catch (SQLException e) {
                if (!"23514".equals(e.getSQLState())) {
                    fail("column " + column.name() + " " + column.type() + " failed on " + escaped(text)
                            + " other than by a CHECK: " + e.getMessage());
                }
                return false;
            }
        }

        private void insert(String table, String column, PgType type, String text) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + PgIdentifier.render(table)
                    + " (" + PgIdentifier.render(column) + ") VALUES (CAST(? AS " + type.name() + "))")) {
                insert.setString(1, text);
                insert.executeUpdate();
            }
        }

        private static String nameOf(String pointer) {
            return pointer.substring("/properties/".length()).replace("~1", "/").replace("~0", "~");
        }

        void fail(String message) {
            String json;
            try {
                json = JSON.writeValueAsString(generated.schema());
            } catch (IOException e) {
                json = generated.schema().toString();
            }
            failures.add("seed " + generated.seed() + " (" + String.join("/", generated.folders()) + "): "
                    + abbreviated(message, 1500) + "\ncontract: " + abbreviated(json, 1500));
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x2028 || c == 0xa0 || c == 0x3000
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.append('"').toString();
    }

    private static String abbreviated(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "...";
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return abbreviated(out.toString(), 2500);
    }
}
