package dev.atdd.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failures are a gap of this server against Supabase, and which a typo Supabase would reject too. */
class MigrationFailureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Near misses of a table Supabase has, the prelude's or not, letter case aside.
            "relation \"auth.user\" does not exist        | 42P01 |                        | auth.users",
            "relation \"storage.object\" does not exist   | 42P01 |                        | storage.objects",
            "relation \"auth.session\" does not exist     | 42P01 |                        | auth.sessions",
            "relation \"auth.Users\" does not exist       | 42P01 |                        | auth.users",
            "relation \"storage.bucket\" does not exist   | 42P01 |                        | storage.buckets",
            // Tables Supabase has by their exact names, and one it may have that is no near miss.
            "relation \"auth.sessions\" does not exist    | 42P01 | relation auth.sessions |",
            "relation \"auth.users\" does not exist       | 42P01 | relation auth.users    |",
            "relation \"storage.prefixes\" does not exist | 42P01 | relation storage.prefixes |",
            // Only relations are compared with Supabase's tables.
            "function auth.user() does not exist         | 42883 | function auth.user     |",
            "schema \"auth\" does not exist               | 3F000 | schema auth            |",
            // Not of Supabase's schemas.
            "relation \"user\" does not exist             | 42P01 |                        |",
            "relation \"public.users\" does not exist     | 42P01 |                        |"})
    void aNearMissOfATableSupabaseHasIsATypoNotAGap(String message, String sqlState, String gap, String meant) {
        MigrationFailure failure = new MigrationFailure(Path.of("20240101000000_profiles.sql"), 2, 29,
                "  user_id uuid references auth.user (id)", message, sqlState, Optional.empty(), Optional.empty(),
                Optional.empty());

        String written = message.replaceFirst("^\\w+ \"?([^\"(]+).*", "$1");
        assertEquals(List.of(Optional.ofNullable(gap), Optional.ofNullable(meant).map(table -> "relation " + written
                        + " does not exist on Supabase either: did you mean " + table + "?")),
                List.of(failure.supabaseGap().map(SupabaseGap::what), failure.supabaseTypo()));
    }
}
