package dev.atdd.core.check;

import dev.atdd.core.DisplayPath;
import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.review.Todo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The migrations that still hold unreviewed TODOs, in version order. */
public record TodoReport(List<FileTodos> files) {

    /** At most this many files, and this many TODOs per file, are spelled out: the rest is counted. */
    static final int FILES_SHOWN = 10;
    static final int TODOS_SHOWN = 5;

    public TodoReport {
        files = List.copyOf(files);
    }

    public record FileTodos(MigrationFile file, List<Todo> todos) {
        public FileTodos {
            todos = List.copyOf(todos);
        }
    }

    public static TodoReport of(MigrationIndex index) {
        List<FileTodos> files = new ArrayList<>();
        for (Map.Entry<MigrationFile, List<Todo>> entry : index.todos().entrySet()) {
            if (!entry.getValue().isEmpty()) {
                files.add(new FileTodos(entry.getKey(), entry.getValue()));
            }
        }
        return new TodoReport(files);
    }

    public boolean passed() {
        return files.isEmpty();
    }

    public int total() {
        return files.stream().mapToInt(f -> f.todos().size()).sum();
    }

    /**
     * The failure as the build shows it: one screen at most, then what to do; the review checklist of a
     * generated table only when a TODO the generator writes ({@code ⚠️ TODO:}) is left.
     *
     * @param fullReport the JSON report that lists every TODO, named when some are left out here
     */
    public String describe(Path base, Path fullReport) {
        StringBuilder out = new StringBuilder();
        out.append(files.size()).append(files.size() == 1 ? " migration holds " : " migrations hold ")
                .append(total()).append(total() == 1 ? " unreviewed TODO:\n" : " unreviewed TODOs:\n");
        for (FileTodos file : files.subList(0, Math.min(FILES_SHOWN, files.size()))) {
            String shown = DisplayPath.of(base, file.file().path());
            out.append("  ").append(shown).append(" (").append(file.todos().size())
                    .append(file.todos().size() == 1 ? " TODO)\n" : " TODOs)\n");
            for (Todo todo : file.todos().subList(0, Math.min(TODOS_SHOWN, file.todos().size()))) {
                out.append("    ").append(shown).append(':').append(todo.line()).append(": ")
                        .append(todo.text().strip()).append('\n');
            }
            if (file.todos().size() > TODOS_SHOWN) {
                out.append("    … and ").append(file.todos().size() - TODOS_SHOWN).append(" more\n");
            }
        }
        int filesLeft = files.size() - FILES_SHOWN;
        if (filesLeft > 0) {
            out.append("  … and ").append(filesLeft).append(filesLeft == 1 ? " more file (" : " more files (")
                    .append(DisplayPath.of(base, fullReport)).append(" lists them all)\n");
        }
        boolean generated = files.stream().flatMap(file -> file.todos().stream()).anyMatch(Todo::warningMarker);
        out.append("Resolve each TODO before `supabase db push`");
        if (generated) {
            out.append("; in a generated table, review:\n")
                    .append("  - foreign keys between tables\n")
                    .append("  - indexes for the queries you run\n")
                    .append("  - RLS policies (who may read and write which rows)\n")
                    .append("  - JSONB columns that should be normalized\n")
                    .append("then");
        } else {
            out.append(", then");
        }
        out.append(" delete each TODO comment, keeping any SQL on its line; this check passes when none is left.");
        return out.toString();
    }
}
