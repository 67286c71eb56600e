package dev.atdd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * A synthetic project for the benchmarks: {@code contracts} contracts and {@code migrations}
 * migrations under one folder, deterministic for a given seed.
 *
 * <p>Contract {@code i} needs a table ({@code id} property), named {@code t{i%10}_d{i/10%10}_entity{i}};
 * migration {@code i} creates contract {@code i}'s table, so with {@code migrations >= contracts}
 * every contract is covered. Sizes follow real projects: contracts of 1–3 KB with nested
 * {@code definitions}, one in ten relational; migrations of 0.5–5 KB with indexes, RLS policies, a
 * trigger function in a dollar-quoted body, one in twenty with a TODO line; and three seed-data
 * migrations of about 1 MB each.
 */
public final class SyntheticProject {

    /** The seed-data migrations are this big, give or take one row. */
    static final int LARGE_FILE_BYTES = 1 << 20;
    private static final int LARGE_FILES = 3;
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final LocalDateTime FIRST_VERSION = LocalDateTime.of(2023, 1, 1, 0, 0, 0);

    private final Path root;
    private final int contracts;

    private SyntheticProject(Path root, int contracts) {
        this.root = root;
        this.contracts = contracts;
    }

    /** Writes the project into {@code root} (which should be empty) and returns it. */
    public static SyntheticProject write(Path root, int contracts, int migrations, long seed) {
        SyntheticProject project = new SyntheticProject(root, contracts);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < contracts; i++) {
            write(project.contractFile(i), contract(i, random));
        }
        project.writeMigrations(project.migrationsDirectory(), migrations, random);
        return project;
    }

    /** Writes only migrations, {@code count} of them, into {@code directory}; returns their total size in bytes. */
    public static long writeMigrations(Path directory, int count, long seed) {
        return new SyntheticProject(directory.getParent(), 0)
                .writeMigrations(directory, count, new SplittableRandom(seed));
    }

    public Path root() {
        return root;
    }

    public Path contractsDirectory() {
        return root.resolve("contracts");
    }

    public Path migrationsDirectory() {
        return root.resolve("supabase").resolve("migrations");
    }

    public int contracts() {
        return contracts;
    }

    /** The table contract {@code i} maps to, by the naming rule {@code {theme}_{domain}_{aspect}}. */
    public static String table(int i) {
        return theme(i) + "_" + domain(i) + "_entity" + i;
    }

    private Path contractFile(int i) {
        return contractsDirectory().resolve(theme(i)).resolve(domain(i)).resolve("entity" + i + ".schema.json");
    }

    private static String theme(int i) {
        return "t" + (i % 10);
    }

    private static String domain(int i) {
        return "d" + (i / 10 % 10);
    }

    private long writeMigrations(Path directory, int count, SplittableRandom random) {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            boolean large = count >= 4 * LARGE_FILES && i % (count / LARGE_FILES) == count / (2 * LARGE_FILES);
            String sql = migration(i, random, large);
            String version = VERSION.format(FIRST_VERSION.plusSeconds(i * 60L));
            byte[] content = sql.getBytes(StandardCharsets.UTF_8);
            write(directory.resolve(version + "_" + table(i) + ".sql"), content);
            bytes += content.length;
        }
        return bytes;
    }

    /** 1–3 KB: a few top-level properties, some referring to nested definitions. */
    static String contract(int i, SplittableRandom random) {
        int properties = 4 + random.nextInt(14);
        StringBuilder json = new StringBuilder(3072);
        json.append("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n")
                .append("  \"$id\": \"").append(theme(i)).append(':').append(domain(i)).append(":entity").append(i)
                .append("\",\n  \"title\": \"Entity ").append(i).append("\",\n")
                .append("  \"description\": \"A synthetic entity of the benchmark; it isn't computed from others.\",\n")
                .append("  \"version\": \"1.").append(i % 7).append(".0\",\n  \"type\": \"object\",\n")
                .append("  \"required\": [\"id\", \"name\"],\n  \"properties\": {\n")
                .append("    \"id\": {\"type\": \"string\", \"format\": \"uuid\"},\n")
                .append("    \"name\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 200}");
        for (int p = 0; p < properties; p++) {
            json.append(",\n    \"field").append(p).append("\": ").append(property(p, random));
        }
        json.append(",\n    \"address\": {\"$ref\": \"#/definitions/address\"}")
                .append(",\n    \"tags\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/definitions/tag\"}}")
                .append("\n  },\n  \"definitions\": {\n")
                .append("    \"address\": {\"type\": \"object\", \"properties\": {\"street\": {\"type\": \"string\"},")
                .append(" \"city\": {\"type\": \"string\"}, \"geo\": {\"type\": \"object\", \"properties\": {")
                .append("\"lat\": {\"type\": \"number\"}, \"lon\": {\"type\": \"number\"}}}}},\n")
                .append("    \"tag\": {\"type\": \"object\", \"required\": [\"label\"], \"properties\": {")
                .append("\"label\": {\"type\": \"string\", \"pattern\": \"^[a-z]+$\"}, \"weight\": {\"type\": \"integer\",")
                .append(" \"minimum\": 0, \"maximum\": 100}}}\n  },\n")
                .append("  \"x-artifact-metadata\": {\n    \"to\": \"external\",\n    \"persistence\": {\n")
                .append("      \"strategy\": \"").append(i % 10 == 3 ? "relational" : "jsonb").append("\"");
        if (i % 4 == 0) {
            // Index names share the schema's namespace with every other table's: one name per contract.
            json.append(",\n      \"indexes\": [{\"name\": \"entity").append(i)
                    .append("_by_name\", \"type\": \"btree\", \"fields\": [\"name\"]}]");
        }
        return json.append("\n    }\n  }\n}\n").toString();
    }

    private static String property(int p, SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> "{\"type\": \"string\", \"description\": \"Free text of the field " + p + ".\"}";
            case 1 -> "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 1000000}";
            case 2 -> "{\"type\": \"number\"}";
            case 3 -> "{\"type\": \"boolean\", \"default\": false}";
            case 4 -> "{\"type\": \"string\", \"format\": \"date-time\"}";
            case 5 -> "{\"type\": \"string\", \"enum\": [\"draft\", \"active\", \"archived\", \"it's done\"]}";
            default -> "{\"type\": \"object\", \"properties\": {\"kind\": {\"type\": \"string\"},"
                    + " \"detail\": {\"type\": \"object\", \"properties\": {\"note\": {\"type\": \"string\"}}}}}";
        };
    }

    /** 0.5–5 KB of DDL around the table, or about 1 MB of seed rows when {@code large}. */
    static String migration(int i, SplittableRandom random, boolean large) {
        String table = table(i);
        StringBuilder sql = new StringBuilder(large ? LARGE_FILE_BYTES + 4096 : 5120);
        sql.append("-- Migration ").append(i).append(": the ").append(table).append(" table\n");
        sql.append(i % 3 == 0 ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ").append(table).append(" (\n")
                .append("  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),\n  data JSONB NOT NULL,\n");
        int columns = random.nextInt(30);
        for (int c = 0; c < columns; c++) {
            sql.append("  column_").append(c).append(c % 2 == 0 ? " TEXT,\n" : " INTEGER CHECK (column_" + c + " >= 0),\n");
        }
        sql.append("  created_at TIMESTAMPTZ DEFAULT NOW(),\n  updated_at TIMESTAMPTZ DEFAULT NOW()\n);\n")
                .append("CREATE INDEX idx_").append(table).append("_data ON ").append(table).append(" USING GIN (data);\n")
                .append("COMMENT ON TABLE ").append(table).append(" IS 'Contract: entity ").append(i)
                .append(" (it''s synthetic; CREATE TABLE in a string is not DDL)';\n")
                .append("ALTER TABLE ").append(table).append(" ENABLE ROW LEVEL SECURITY;\n");
        int policies = random.nextInt(4);
        for (int p = 0; p < policies; p++) {
            sql.append("CREATE POLICY \"").append(table).append(" read ").append(p).append("\" ON ").append(table)
                    .append("\n  FOR SELECT TO authenticated USING (auth.uid() = (data->>'owner_id')::uuid);\n");
        }
        if (random.nextInt(2) == 0) {
            sql.append("CREATE OR REPLACE FUNCTION ").append(table).append("_touch() RETURNS trigger AS $fn$\n")
                    .append("BEGIN\n  -- not a TODO: a comment inside the body is data\n")
                    .append("  NEW.updated_at := NOW();\n  RETURN NEW;\nEND;\n$fn$ LANGUAGE plpgsql;\n")
                    .append("CREATE TRIGGER ").append(table).append("_touch BEFORE UPDATE ON ").append(table)
                    .append(" FOR EACH ROW EXECUTE FUNCTION ").append(table).append("_touch();\n");
        }
        if (i % 20 == 7) {
            sql.append("-- ⚠️ TODO: Add foreign keys for ").append(table).append('\n');
        }
        // Padding to the size of a real migration: notes for the reviewer.
        int target = 512 + random.nextInt(4600);
        while (sql.length() < target) {
            sql.append("-- Review note: keep ").append(table).append(" in step with its contract.\n");
        }
        if (large) {
            sql.append("INSERT INTO ").append(table).append(" (id, data) VALUES\n");
            for (int row = 0; sql.length() < LARGE_FILE_BYTES; row++) {
                sql.append("  (gen_random_uuid(), '{\"row\": ").append(row)
                        .append(", \"note\": \"seed data; it''s long\"}'),\n");
            }
            sql.append("  (gen_random_uuid(), '{}');\n");
        }
        return sql.toString();
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
