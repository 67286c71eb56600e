package dev.atdd.core.generate;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.render.SqlTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A generator in a JVM of its own, for tests of what separate builds do to one migrations folder.
 *
 * <p>Arguments: {@code contracts migrations [--after file | --loop]}. Prints each file it wrote.
 * {@code --after} waits until the file exists, so that several processes start generating at once;
 * {@code --loop} generates into {@code migrations/run-0}, {@code run-1}, ... until killed.
 */
final class GeneratorProcess {

    private GeneratorProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path contracts = Path.of(args[0]);
        Path migrations = Path.of(args[1]);
        String mode = args.length > 2 ? args[2] : "";
        if (mode.equals("--after")) {
            Path signal = Path.of(args[3]);
            while (!Files.exists(signal)) {
                Thread.sleep(1);
            }
        }
        try {
            if (mode.equals("--loop")) {
                for (int run = 0; ; run++) {
                    generate(contracts, migrations.resolve("run-" + run));
                }
            }
            generate(contracts, migrations);
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void generate(Path contracts, Path migrations) {
        GenerationReport report = new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(
                new GenerationRequest(contracts, migrations, Optional.empty(), Strategy.JSONB, true, List.of(),
                        Set.of(), false));
        report.written().forEach(written -> System.out.println(written.file()));
    }
}
