package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.contract.LargeContracts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs generating into one migrations folder: builds running side by side, builds killed. */
class GeneratorProcessesTest {

    @TempDir
    Path project;

    @Test
    void separateJvmsGeneratingIntoOneFolderTakeEachTableOnceAndEachVersionOnce() throws Exception {
        Path shop = SharedFolder.contracts(project, "shop", 40);
        Path game = SharedFolder.contracts(project, "game", 40);
        Path migrations = project.resolve("supabase/migrations");
        Path go = project.resolve("go");
        List<Build> builds = new ArrayList<>();
        for (Path contracts : List.of(shop, game, shop, game)) {
            builds.add(generator(List.of(), contracts.toString(), migrations.toString(), "--after", go.toString()));
        }
        Files.createFile(go);

        List<Path> written = new ArrayList<>();
        for (Build build : builds) {
            assertEquals(0, build.exitCode(), build.stderr());
            build.stdout().forEach(line -> written.add(Path.of(line)));
        }
        SharedFolder.eachTableOnceEachVersionOnce(migrations, written, 80);
    }

    @Test
    void aGeneratorKilledAtAnyMomentLeavesNoEmptyOrPartialMigration() throws Exception {
        Path contracts = SharedFolder.contracts(project, "shop", 150);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int killedWhileWriting = 0;
        for (int attempt = 0; attempt < 20 && killedWhileWriting < 3; attempt++) {
            Path migrations = project.resolve("kill-" + attempt);
            Build build = generator(List.of(), contracts.toString(), migrations.toString(), "--loop");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(migrations.resolve("run-0")) && build.process().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(1500));
            assertTrue(build.process().isAlive(), "seed " + seed + ": " + build.stderr());
            build.process().destroyForcibly().waitFor();

            try (Stream<Path> runs = Files.list(migrations)) {
                for (Path run : runs.toList()) {
                    SharedFolder.everySqlFileWhole(run);
                    int count = SharedFolder.sqlFiles(run).size();
                    // Files are flushed under temporary names, then moved in: a kill lands either among
                    // the temporary files or among the moves.
                    if (count > 0 && count < 150 || hasTemporaryFiles(run)) {
                        killedWhileWriting++;
                        resumeAfterTheKill(contracts, run);
                    }
                }
            }
        }
        assertTrue(killedWhileWriting >= 3, "seed " + seed + ": only " + killedWhileWriting + " kills hit the writing of the migrations");
    }

    @Test
    void outputIsUtf8WithLineFeedsWhateverThePlatformDefaults() throws Exception {
        Path contracts = project.resolve("contracts");
        Path relational = contracts.resolve("caf\u00e9/menu/dish.schema.json");
        Files.createDirectories(relational.getParent());
        Files.writeString(relational, "{\"title\": \"Plat du jour \u2013 caf\u00e9\", \"x-artifact-metadata\": "
                + "{\"persistence\": {\"strategy\": \"relational\"}}, \"properties\": {\"id\": {\"type\": \"string\"},"
                + " \"cr\u00e8me\": {\"type\": \"string\", \"enum\": [\"br\u00fbl\u00e9e\"]}}}");
        Path migrations = project.resolve("migrations");

        Build build = generator(List.of("-Dfile.encoding=ISO-8859-1", "-Dline.separator=\r\n"),
                contracts.toString(), migrations.toString());

        assertEquals(0, build.exitCode(), build.stderr());
        List<Path> files = SharedFolder.sqlFiles(migrations);
        assertEquals(1, files.size());
        byte[] bytes = Files.readAllBytes(files.get(0));
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        assertFalse(text.contains("\r"), "a carriage return in\n" + text);
        assertTrue(text.contains("br\u00fbl\u00e9e") && text.contains("\u26a0\ufe0f TODO"), text);
        assertTrue(text.endsWith("\n-- End of migration\n"), text);
    }

    @Test
    void aFiftyMegabyteContractIsGeneratedFromWithinAModestHeap() throws Exception {
        Path contracts = project.resolve("contracts");
        LargeContracts.manyProperties(contracts.resolve("big/many/properties.schema.json"), LargeContracts.FIFTY_MB);
        Path migrations = project.resolve("migrations");

        long start = System.nanoTime();
        Build build = generator(List.of("-Xmx512m"), contracts.toString(), migrations.toString());

        assertEquals(0, build.exitCode(), build.stderr());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60));
        assertEquals(1, SharedFolder.sqlFiles(migrations).size());
    }

    private static boolean hasTemporaryFiles(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".sql.tmp"));
        }
    }

    /** The next run over a folder left by a killed build writes the rest: each table once, each version once. */
    private void resumeAfterTheKill(Path contracts, Path run) throws Exception {
        Build build = generator(List.of(), contracts.toString(), run.toString());
        assertEquals(0, build.exitCode(), build.stderr());
        List<Path> all = SharedFolder.sqlFiles(run);
        SharedFolder.eachTableOnceEachVersionOnce(run, all, 150);
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(all, files.sorted().toList(), "the killed build's temporary file is left");
        }
    }

    private Build generator(List<String> jvmOptions, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GeneratorProcess.class.getName()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(project, "generator", ".out");
        Path errors = Path.of(output + ".err");
        // Into files, not pipes: a child blocked on a full pipe would never finish.
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                .start();
        return new Build(process, output, errors);
    }

    /** A generator's JVM and where its output goes. */
    private record Build(Process process, Path output, Path errors) {

        int exitCode() throws InterruptedException {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }

        List<String> stdout() throws IOException {
            return Files.readAllLines(output);
        }

        String stderr() {
            try {
                return Files.readString(errors);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
