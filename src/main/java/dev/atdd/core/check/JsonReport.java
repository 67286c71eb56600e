package dev.atdd.core.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.DisplayPath;
import dev.atdd.core.JsonText;
import dev.atdd.core.Problem;
import dev.atdd.core.plan.CoveredTable;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.plan.TablePlan.NotPersistent;
import dev.atdd.core.review.Todo;
import dev.atdd.core.verify.Drift;
import dev.atdd.core.verify.VerificationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine-readable result of a check, {@code target/atdd/<goal>.json}, for CI to read. Lists
 * are always present, empty when all is well.
 */
public final class JsonReport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonReport() {
    }

    public static ObjectNode of(CoverageReport report, Path base) {
        ObjectNode root = NODES.objectNode();
        root.put("goal", "check-coverage");
        root.put("passed", report.passed());
        ArrayNode missing = root.putArray("missing");
        for (PlannedTable table : report.missing()) {
            missing.add(table(table, base));
        }
        ArrayNode covered = root.putArray("covered");
        for (CoveredTable table : report.covered()) {
            covered.add(table(table.table(), base).put("coveredBy", table.coveredBy()));
        }
        ArrayNode notPersistent = root.putArray("notPersistent");
        for (NotPersistent contract : report.notPersistent()) {
            notPersistent.addObject().put("contract", contract.location().key())
                    .put("file", DisplayPath.of(base, contract.file()))
                    .put("reason", contract.rule().reason());
        }
        ArrayNode unmappable = root.putArray("unmappable");
        for (Problem problem : report.unmappable()) {
            unmappable.add(problem.describe(base));
        }
        ArrayNode wrongMigration = root.putArray("wrongMigration");
        for (Problem problem : report.wrongMigration()) {
            wrongMigration.add(problem.describe(base));
        }
        ArrayNode unbuildableIndexes = root.putArray("unbuildableIndexes");
        for (Problem problem : report.unbuildableIndexes()) {
            unbuildableIndexes.add(problem.describe(base));
        }
        // Of the missing, those generate-migrations will not write: CI tells "generate" from "decide".
        ArrayNode notGenerated = root.putArray("notGenerated");
        for (Problem problem : report.leftBehind()) {
            notGenerated.add(problem.describe(base));
        }
        return root;
    }

    public static ObjectNode of(TodoReport report, Path base) {
        ObjectNode root = NODES.objectNode();
        root.put("goal", "check-todos");
        root.put("passed", report.passed());
        root.put("total", report.total());
        ArrayNode files = root.putArray("files");
        for (TodoReport.FileTodos file : report.files()) {
            ObjectNode entry = files.addObject();
            entry.put("file", DisplayPath.of(base, file.file().path()));
            entry.put("count", file.todos().size());
            ArrayNode todos = entry.putArray("todos");
            for (Todo todo : file.todos()) {
                todos.addObject().put("line", todo.line()).put("column", todo.column()).put("text", todo.text().strip());
            }
        }
        return root;
    }

    public static ObjectNode of(VerificationReport report, VerificationReport.Verdict verdict, Path base) {
        ObjectNode root = NODES.objectNode();
        root.put("goal", "verify-migrations");
        root.put("passed", verdict.passed());
        ArrayNode applied = root.putArray("applied");
        report.applied().forEach(file -> applied.add(DisplayPath.of(base, file)));
        ArrayNode drift = root.putArray("drift");
        for (Drift difference : report.drift()) {
            ObjectNode entry = drift.addObject().put("table", difference.table());
            difference.column().ifPresent(column -> entry.put("column", column));
            difference.index().ifPresent(index -> entry.put("index", index));
            entry.put("message", difference.message());
            difference.contract().ifPresent(contract -> entry.put("contract", DisplayPath.of(base, contract)));
        }
        ArrayNode rls = root.putArray("withoutRowLevelSecurity");
        verdict.withoutRowLevelSecurity().forEach(rls::add);
        return root;
    }

    /** Writes the report, creating its folder; UTF-8, {@code \n} line ends. */
    public static void write(Path file, ObjectNode report) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JsonText.pretty(report) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
    }

    private static ObjectNode table(PlannedTable table, Path base) {
        ObjectNode node = NODES.objectNode();
        node.put("source", table.source());
        node.put("table", table.table());
        if (table instanceof PlannedTable.ForContract forContract) {
            node.put("file", DisplayPath.of(base, forContract.contract().file()));
        }
        return node;
    }
}
