package dev.atdd.core.generate;

import dev.atdd.core.Problem;
import dev.atdd.core.plan.CoveredTable;
import dev.atdd.core.plan.TablePlan.NotPersistent;
import java.nio.file.Path;
import java.util.List;

/**
 * What a generation run did, for the summary the build prints.
 *
 * @param written       the new migrations, in version order
 * @param covered       tables that already exist, with what covers them
 * @param notPersistent contracts that need no table, with the rule that decided
 * @param warnings      things the user should know that do not stop the run
 * @param skipped       the problems of broken contracts left out because the request asked to write
 *                      what is valid; empty otherwise
 */
public record GenerationReport(List<Written> written, List<CoveredTable> covered, List<NotPersistent> notPersistent,
                               List<Problem> warnings, List<Problem> skipped) {

    public GenerationReport {
        written = List.copyOf(written);
        covered = List.copyOf(covered);
        notPersistent = List.copyOf(notPersistent);
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param source    {@code theme/domain/aspect (jsonb)} or {@code event-log match}
     * @param forReview a relational draft: it holds {@code ⚠️ TODO} lines a person must resolve
     *                  before it is applied
     */
    public record Written(Path file, String table, String source, boolean forReview) {
    }
}
