package dev.atdd.bench;

import dev.atdd.core.check.CoverageReport;
import dev.atdd.core.check.TodoReport;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.generate.GenerationReport;
import dev.atdd.core.generate.GenerationRequest;
import dev.atdd.core.generate.MigrationGenerator;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.plan.TableLookup;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.SqlTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark harness: builds synthetic projects, times the core steps (warm-up runs, then
 * measured runs; median, min and max), the naive baseline, and the goals as whole {@code mvn -o}
 * processes beside a bare {@code mvn -o validate}. Run by {@code benchmarks/run.sh}; not a test.
 *
 * <p>Options: {@code --work DIR --out FILE --sizes 100,1000,3000,10000 --naive 100,1000,3000
 * --warmup 2 --runs 5 --todo-mb 100 --mvn PATH --e2e 100,1000,10000 --e2e-runs 5}.
 */
public final class Benchmarks {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final long SEED = 20250601L;
    /** Maven's JVM without the optimizing compiler (C2), whose compilations hold the second core of a cold build. */
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** CPU time of the whole process, all threads: on a shared machine it moves less than the wall clock. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, String> options;
    private final List<Row> rows = new ArrayList<>();
    private final Path work;

    private Benchmarks(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(option("work", "target/bench-work")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new Benchmarks(options).run();
    }

    private void run() throws Exception {
        // Nothing is deleted until the end: on an ext4 file system without a journal (this machine's)
        // the kernel skips recently freed inodes one by one when it creates a file, so files created
        // in the minutes after thousands were deleted cost up to a millisecond each, and a deletion
        // in the middle of the run would slow every step that writes after it.
        delete(work);
        Files.createDirectories(work);
        try {
            measure();
        } finally {
            delete(work);
        }
    }

    private void measure() throws Exception {
        String started = environment();
        int warmup = Integer.parseInt(option("warmup", "2"));
        int runs = Integer.parseInt(option("runs", "5"));
        List<Integer> naive = sizes("naive", "100,1000,3000");
        for (int n : sizes("sizes", "100,1000,3000,10000")) {
            SyntheticProject project = SyntheticProject.write(work.resolve("p" + n), n, n, SEED);
            core(project, warmup, runs);
            if (naive.contains(n)) {
                // The baseline is quadratic: from 1,000 on one run takes seconds to minutes, so it runs once there.
                time("naive coverage (baseline)", n, 0, n >= 1000 ? 1 : 3, () -> {
                    TablePlan plan = TablePlan.of(ContractCatalog.load(project.contractsDirectory()), Strategy.JSONB,
                            List.of());
                    int covered = NaiveCoverage.covered(plan.tables().stream().map(t -> t.table()).toList(),
                            project.migrationsDirectory());
                    check(covered == n, "the baseline found " + covered + " of " + n + " tables");
                    return covered;
                });
            }
        }
        todoScan(warmup, runs);
        List<Integer> endToEnd = sizes("e2e", "100,1000,10000");
        if (!endToEnd.isEmpty()) {
            Path mvn = Path.of(option("mvn", "./mvnw")).toAbsolutePath();
            for (int n : endToEnd) {
                endToEnd(mvn, n, Integer.parseInt(option("e2e-runs", "5")));
            }
        }
        report(started);
    }

    /** The core steps on one project, each timed on its own, and the whole coverage check together. */
    private void core(SyntheticProject project, int warmup, int runs) {
        int n = project.contracts();
        Path contracts = project.contractsDirectory();
        Path migrations = project.migrationsDirectory();
        TablePlan plan = time("discovery + contract loading + plan", n, warmup, runs,
                () -> TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of()));
        check(plan.problems().isEmpty() && plan.tables().size() == n, "the plan is wrong: " + plan.problems());
        MigrationIndex index = time("migration index (lex, tables, TODOs)", n, warmup, runs,
                () -> MigrationIndex.scan(migrations));
        check(index.problems().isEmpty(), "the index has problems: " + index.problems());
        CoverageReport coverage = time("coverage report (index given)", n, warmup, runs,
                () -> CoverageReport.of(plan, new TableLookup(index, Set.of())));
        check(coverage.passed(), "the synthetic project is not covered: " + coverage.describe(project.root()));
        time("TODO report (index given)", n, warmup, runs, () -> TodoReport.of(index));
        time("core coverage check, all steps", n, warmup, runs, () -> CoverageReport.of(
                TablePlan.of(ContractCatalog.load(contracts), Strategy.JSONB, List.of()),
                new TableLookup(MigrationIndex.scan(migrations), Set.of())));
        MigrationGenerator generator = new MigrationGenerator(SqlTemplates.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));
        int[] attempt = {0};
        time("generation of N migrations (empty folder)", n, warmup, runs, () -> {
            Path target = project.root().resolve("generated-" + attempt[0]++);
            GenerationReport report = generator.generate(new GenerationRequest(contracts, target, Optional.empty(),
                    Strategy.JSONB, true, List.of(), Set.of(), false));
            check(report.written().size() == n, "generated " + report.written().size() + " of " + n);
            return target;
        });
    }

    /** The TODO check over a folder of about {@code todo-mb} megabytes of migrations. */
    private void todoScan(int warmup, int runs) throws IOException {
        long megabytes = Long.parseLong(option("todo-mb", "100"));
        if (megabytes <= 0) {
            return;
        }
        Path folder = work.resolve("todo").resolve("migrations");
        // 2.9 KB per migration on average, plus the three 1 MB ones.
        int count = (int) Math.max(12, (megabytes - 3) * 1_000_000 / 2_900);
        long bytes = SyntheticProject.writeMigrations(folder, count, SEED);
        int mb = (int) Math.round(bytes / 1e6);
        TodoReport report = time("TODO check over " + mb + " MB (" + count + " files)", count, warmup, runs,
                () -> TodoReport.of(MigrationIndex.scan(folder)));
        check(!report.passed(), "the TODO scan found no TODO");
    }

    /** The goals as whole Maven processes, beside {@code mvn -o validate} on the same project. */
    private void endToEnd(Path mvn, int n, int runs) throws IOException, InterruptedException {
        SyntheticProject project = SyntheticProject.write(work.resolve("e2e" + n), n, n, SEED);
        Files.writeString(project.root().resolve("pom.xml"), pom(), StandardCharsets.UTF_8);
        Map<String, List<Long>> times = new LinkedHashMap<>();
        // The rows in one order, whichever block a round starts with.
        goalBlocks(project, 0).forEach(block -> block.forEach(goal -> times.put(goal.getKey(), new ArrayList<>())));
        Path stamps = project.root().resolve("target/atdd");
        // Interleaved, so that a burst of load from other builds hits every command alike.
        for (int run = 0; run <= runs; run++) {
            List<List<Map.Entry<String, Goal>>> blocks = goalBlocks(project, run);
            // The blocks turn by one each round, so that no command always runs first or last.
            Collections.rotate(blocks, -run);
            for (Map.Entry<String, Goal> goal : blocks.stream().flatMap(List::stream).toList()) {
                String name = goal.getValue().arguments().get(0);
                Path stamp = stamps.resolve(name.substring(name.indexOf(':') + 1) + ".stamp");
                // check-todos finds TODOs here and generating N new writes: neither is ever stamped.
                boolean stamped = name.equals("atdd:check-coverage") || goal.getKey().contains("nothing missing");
                boolean again = goal.getKey().endsWith("unchanged since the last build");
                if (stamped && !again) {
                    // A first build: no stamp of an earlier pass.
                    Files.deleteIfExists(stamp);
                }
                long elapsed = mvn(mvn, project.root(), goal.getValue());
                // Untimed: the kernel's write-back of one command's files must not slow the next.
                new ProcessBuilder("sync").inheritIO().start().waitFor();
                if (run > 0) {
                    check(!stamped || Files.exists(stamp), goal.getKey() + " left no stamp");
                    times.get(goal.getKey()).add(elapsed);
                }
            }
            long floor = readEveryFile(project);
            if (run > 0) {
                times.computeIfAbsent("fresh JVM, only listing and reading every file", k -> new ArrayList<>())
                        .add(floor);
            }
        }
        times.forEach((name, nanos) -> add(new Row("end to end: " + name, n, nanos, List.of())));
    }

    /**
     * The commands of one round of {@link #endToEnd}, in blocks whose commands must run in their order (a later
     * build right after its first build).
     */
    private static List<List<Map.Entry<String, Goal>>> goalBlocks(SyntheticProject project, int run) {
        String c1Only = ", MAVEN_OPTS=" + C1_ONLY;
        Goal checkCoverage = new Goal("atdd:check-coverage");
        Goal generate = new Goal("atdd:generate-migrations");
        List<List<Map.Entry<String, Goal>>> blocks = new ArrayList<>();
        blocks.add(List.of(
                Map.entry("mvn -o validate", new Goal("validate")),
                Map.entry("mvn -o atdd:check-coverage", checkCoverage),
                Map.entry("mvn -o atdd:check-coverage, unchanged since the last build", checkCoverage)));
        blocks.add(List.of(
                Map.entry("mvn -o atdd:check-todos", new Goal("atdd:check-todos", "-Datdd.failOnTodo=false"))));
        blocks.add(List.of(
                Map.entry("mvn -o atdd:generate-migrations, nothing missing", generate),
                Map.entry("mvn -o atdd:generate-migrations, nothing missing, unchanged since the last build",
                        generate)));
        blocks.add(List.of(
                Map.entry("mvn -o atdd:generate-migrations (N new)", new Goal("atdd:generate-migrations",
                        "-Datdd.migrationsDirectory=" + project.root().resolve("generated-" + run)))));
        blocks.add(List.of(
                Map.entry("mvn -o validate" + c1Only, new Goal("validate").withMavenOpts(C1_ONLY)),
                Map.entry("mvn -o atdd:check-coverage" + c1Only, checkCoverage.withMavenOpts(C1_ONLY))));
        return blocks;
    }

    /** {@link ReadEveryFile} in a JVM of its own, on the contracts and the migrations: its own timing. */
    private static long readEveryFile(SyntheticProject project) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReadEveryFile.class.getName(), project.contractsDirectory().toString(),
                project.migrationsDirectory().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("ReadEveryFile failed: " + output);
        }
        return Long.parseLong(output);
    }

    private static long mvn(Path mvn, Path project, Goal goal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-q", "-f",
                project.resolve("pom.xml").toString()));
        command.addAll(goal.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("mvn.log").toFile());
        // The caller's MAVEN_OPTS would change the default rows too.
        goal.mavenOpts().ifPresentOrElse(options -> builder.environment().put("MAVEN_OPTS", options),
                () -> builder.environment().remove("MAVEN_OPTS"));
        // On a CI machine generate-migrations would only check: the rows measure it writing.
        builder.environment().remove("CI");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(project.resolve("mvn.log")));
        }
        return System.nanoTime() - start;
    }

    private static String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.atdd.bench</groupId>
                  <artifactId>synthetic</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.atdd</groupId>
                        <artifactId>atdd-maven-plugin</artifactId>
                        <version>0.1.0-SNAPSHOT</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """;
    }

    /** Runs {@code step} {@code warmup} times untimed, then {@code runs} times timed. */
    private <T> T time(String name, int n, int warmup, int runs, Supplier<T> step) {
        T result = null;
        List<Long> nanos = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            System.gc();
            long cpuStart = CPU.getProcessCpuTime();
            long start = System.nanoTime();
            result = step.get();
            long elapsed = System.nanoTime() - start;
            long cpuElapsed = CPU.getProcessCpuTime() - cpuStart;
            if (i >= warmup) {
                nanos.add(elapsed);
                cpu.add(cpuElapsed);
            }
        }
        add(new Row(name, n, nanos, cpu));
        return result;
    }

    private void add(Row row) {
        rows.add(row);
        System.out.println(row.markdown());
    }

    private void report(String started) throws IOException {
        StringBuilder out = new StringBuilder(started).append("load at the end: ").append(loadAverage()).append("\n\n")
                .append("| step | N | median ms | min ms | max ms | runs | median CPU ms |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        List<String> steps = rows.stream().map(Row::name).distinct().toList();
        rows.stream().sorted(Comparator.comparingInt((Row row) -> steps.indexOf(row.name())).thenComparingInt(Row::n))
                .forEach(row -> out.append(row.markdown()).append('\n'));
        Path file = Path.of(option("out", work.resolve("results.md").toString()));
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        System.out.println("\n" + out + "\nwritten to " + file);
    }

    private static String environment() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        String started = "machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + "max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, Java "
                + System.getProperty("java.version") + "\nload at the start: " + loadAverage() + "\n";
        System.out.print(started);
        return started;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private List<Integer> sizes(String name, String fallback) {
        String value = option(name, fallback).strip();
        return value.isEmpty() || value.equals("none") ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Maven command line's arguments, and what {@code MAVEN_OPTS} it runs with if not the caller's. */
    private record Goal(List<String> arguments, Optional<String> mavenOpts) {

        Goal(String... arguments) {
            this(List.of(arguments), Optional.empty());
        }

        Goal withMavenOpts(String options) {
            return new Goal(arguments, Optional.of(options));
        }
    }

    /** One measured step: its name, the size, and the wall and CPU time of each measured run. */
    private record Row(String name, int n, List<Long> nanos, List<Long> cpu) {

        String markdown() {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format("| %s | %,d | %,.1f | %,.1f | %,.1f | %d | %s |", name, n, median(nanos) / 1e6,
                    sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length,
                    cpu.isEmpty() ? "–" : String.format("%,.1f", median(cpu) / 1e6));
        }

        private static long median(List<Long> values) {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
    }
}
