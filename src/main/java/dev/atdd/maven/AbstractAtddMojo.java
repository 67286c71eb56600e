package dev.atdd.maven;

import dev.atdd.core.DisplayPath;
import dev.atdd.core.InvalidInputException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import dev.atdd.core.contract.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the contracts and migrations are, tables made elsewhere, the skip
 * switch, and one mapping of core failures to Maven's two kinds: the user's input is wrong
 * ({@link MojoFailureException}) or something broke ({@link MojoExecutionException}).
 */
abstract class AbstractAtddMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** Root of the JSON Schema contracts, laid out as {@code {theme}/{domain}/{aspect}.schema.json}. */
    @Parameter(property = "atdd.contractsDirectory", defaultValue = "${project.basedir}/contracts", required = true)
    protected File contractsDirectory;

    /** The Supabase migrations folder. */
    @Parameter(property = "atdd.migrationsDirectory", defaultValue = "${project.basedir}/supabase/migrations",
            required = true)
    protected File migrationsDirectory;

    /**
     * Tables that exist although no migration here creates them (made by Supabase itself, or by
     * another module's migrations). A contract whose table is listed counts as covered.
     */
    @Parameter(property = "atdd.existingTables")
    protected List<String> existingTables;

    /**
     * Shape of a persistent contract that sets no {@code persistence.strategy}: {@code jsonb} or
     * {@code relational}.
     */
    @Parameter(property = "atdd.defaultStrategy", defaultValue = "jsonb")
    protected String defaultStrategy;

    /** Tables no contract describes: event logs, caches and job queues. */
    @Parameter(property = "atdd.infrastructureTables")
    protected List<InfrastructureTable> infrastructureTables;

    /** Skips every atdd goal. */
    @Parameter(property = "atdd.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("atdd: skipped (atdd.skip)");
            return;
        }
        try {
            run();
        } catch (InvalidInputException e) {
            int count = e.problems().size();
            throw new MojoFailureException(count == 1 ? e.describe(basedir())
                    : count + " problems:\n" + e.describe(basedir()).indent(2).stripTrailing());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected Path basedir() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    protected Path contracts() {
        return contractsDirectory.toPath().toAbsolutePath().normalize();
    }

    protected Path migrations() {
        return migrationsDirectory.toPath().toAbsolutePath().normalize();
    }

    protected Set<String> existingTableNames() {
        Set<String> names = new TreeSet<>();
        if (existingTables != null) {
            for (String table : existingTables) {
                if (table != null && !table.isBlank()) {
                    names.add(table.trim());
                }
            }
        }
        return names;
    }

    protected Strategy defaultStrategy() {
        String text = defaultStrategy == null ? "" : defaultStrategy.trim();
        return Strategy.parse(text)
                .filter(s -> s != Strategy.NONE)
                .orElseThrow(() -> new IllegalArgumentException(
                        "defaultStrategy must be jsonb or relational, found \"" + text + "\""));
    }

    protected List<dev.atdd.core.infrastructure.InfrastructureTable> declaredTables() {
        List<dev.atdd.core.infrastructure.InfrastructureTable> declared = new ArrayList<>();
        if (infrastructureTables != null) {
            infrastructureTables.forEach(table -> declared.add(table.toCore()));
        }
        return declared;
    }

    /** A path as the user should read it: relative to the project when inside it. */
    protected String shown(Path path) {
        return DisplayPath.of(basedir(), path);
    }
}
