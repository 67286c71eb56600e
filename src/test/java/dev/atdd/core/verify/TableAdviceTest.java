package dev.atdd.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.database.MigrationFailure;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.testing.Folders;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableAdviceTest {

    @TempDir
    Path migrations;

    /** PostgreSQL's failure of a statement making {@code name} again, located at the statement's line. */
    private MigrationFailure madeAgain(String file, int line, String lineText, String name) {
        return new MigrationFailure(migrations.resolve(file), line, 1, lineText,
                "relation \"" + name + "\" already exists", "42P07", Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private Optional<String> advice(MigrationFailure failed) {
        return TableAdvice.of(failed, MigrationIndex.scan(migrations), Set.of());
    }

    @Test
    void aTableMadeTwiceIsToBeMadeOnce() {
        Folders.write(migrations.resolve("20990101000000_refund.sql"), "create table refund (id uuid primary key);\n");
        Folders.write(migrations.resolve("20990102000000_refund_again.sql"),
                "-- made again\ncreate table refund (id uuid primary key);\n");

        assertEquals(Optional.of("refund is made before, by 20990101000000_refund.sql:1: keep one"
                        + " statement, with what both define (IF NOT EXISTS on the later one would skip it whole)."),
                advice(madeAgain("20990102000000_refund_again.sql", 2, "create table refund (id uuid primary key);",
                        "refund")));
    }

    @Test
    void aTableMadeAboveInTheFailingMigrationThatTheServerLacksIsToldToLookAtThatStatement() {
        // The index follows the CREATE inside the DO block; the server did not run it (its condition was false).
        Folders.write(migrations.resolve("20990101000000_refund.sql"), """
                do $$ begin if false then create table invoice (id uuid primary key); end if; end $$;
                create table refund (id uuid primary key, invoice uuid references invoice (id));
                """);
        MigrationFailure failed = new MigrationFailure(migrations.resolve("20990101000000_refund.sql"), 2, 71,
                "create table refund (id uuid primary key, invoice uuid references invoice (id));",
                "relation \"invoice\" does not exist", "42P01", Optional.empty(), Optional.empty(), Optional.empty());

        assertEquals(Optional.of("invoice is made above, at line 1, yet the server lacks it: see what kept that"
                + " statement from making it in public (a condition, another schema)."), advice(failed));
    }

    /** PostgreSQL's failure of a statement referencing {@code table}, which the server lacks. */
    private MigrationFailure missing(String file, int line, String lineText, String table) {
        return new MigrationFailure(migrations.resolve(file), line, 1, lineText,
                "relation \"" + table + "\" does not exist", "42P01", Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void aTableDroppedAboveIsToBeMadeAgainOrNotReferenced() {
        String reference = "create table refund (id uuid primary key, invoice uuid references invoice (id));";
        Folders.write(migrations.resolve("20990101000000_invoice.sql"), "create table invoice (id uuid);\n");
        Folders.write(migrations.resolve("20990102000000_refund.sql"), "drop table invoice;\n" + reference + "\n");

        assertEquals(Optional.of("invoice was dropped by 20990102000000_refund.sql:1, above this statement: make it"
                        + " again before this statement, or leave out what references it."),
                advice(missing("20990102000000_refund.sql", 2, reference, "invoice")));
    }

    @Test
    void aTableMovedToAnotherSchemaIsToBeReferencedThere() {
        Folders.write(migrations.resolve("20990101000000_invoice.sql"), """
                create table invoice (id uuid primary key);
                alter table invoice set schema billing;
                """);
        String reference = "create table refund (id uuid primary key, invoice uuid references invoice (id));";
        Folders.write(migrations.resolve("20990102000000_refund.sql"), reference + "\n");

        assertEquals(Optional.of("invoice was moved to schema billing by 20990101000000_invoice.sql:2, which ran"
                        + " before this migration: reference billing.invoice instead."),
                advice(missing("20990102000000_refund.sql", 1, reference, "invoice")));
    }

    @Test
    void aTableRenamedTwiceIsToBeReferencedByItsLastName() {
        Folders.write(migrations.resolve("20990101000000_invoice.sql"), """
                create table invoice (id uuid primary key);
                alter table invoice rename to bill;
                alter table bill rename to billing_invoice;
                """);
        String reference = "create table refund (id uuid primary key, invoice uuid references invoice (id));";
        Folders.write(migrations.resolve("20990102000000_refund.sql"), reference + "\n");

        assertEquals(Optional.of("invoice was renamed to bill by 20990101000000_invoice.sql:2, then renamed to"
                        + " billing_invoice by 20990101000000_invoice.sql:3, which ran before this migration: reference"
                        + " billing_invoice instead."),
                advice(missing("20990102000000_refund.sql", 1, reference, "invoice")));
    }

    @Test
    void aTableOfSupabaseNamedWithoutItsSchemaIsToldWithIt() {
        String reference = "create table note (id uuid primary key, author uuid references users (id));";
        Folders.write(migrations.resolve("20990101000000_note.sql"), reference + "\n");

        assertEquals(Optional.of("No migration makes users in public. If it stands for Supabase's auth.users,"
                        + " reference it as auth.users; if it is a table another module or tool makes, list it in"
                        + " existingTables and create it in a preludeFile (the plugin's docs/supabase-prelude.md,"
                        + " \"Tables another module makes\")."),
                advice(missing("20990101000000_note.sql", 1, reference, "users")));
        // Another module's users, as the pom says: made elsewhere, not Supabase's.
        assertTrue(TableAdvice.of(missing("20990101000000_note.sql", 1, reference, "users"),
                        MigrationIndex.scan(migrations), Set.of("users")).orElseThrow()
                .startsWith("users is in existingTables"));
    }

    @Test
    void aTableDroppedOnlyAfterTheFailingStatementIsNotSaidToBeGone() {
        String reference = "create table refund (id uuid primary key, invoice uuid references invoice (id));";
        Folders.write(migrations.resolve("20990101000000_refund.sql"), reference + "\n");
        Folders.write(migrations.resolve("20990102000000_invoice.sql"), """
                create table invoice (id uuid primary key);
                drop table invoice;
                """);

        assertEquals(Optional.of("If invoice is a table another module or tool makes, list it in existingTables and"
                        + " create it in a preludeFile (the plugin's docs/supabase-prelude.md, \"Tables another module"
                        + " makes\")."),
                advice(missing("20990101000000_refund.sql", 1, reference, "invoice")));
    }

    @Test
    void anIndexNameTakenByAnotherTablesIndexIsToBeChangedNotLeftOut() {
        // Index names are the schema's: two tables' indexes of one name are two indexes, both wanted.
        Folders.write(migrations.resolve("20990101000000_orders.sql"), """
                create table orders (id uuid primary key, created_at timestamptz);
                create index idx_created_at on orders (created_at);
                """);
        Folders.write(migrations.resolve("20990102000000_refund.sql"), """
                create table refund (id uuid primary key, created_at timestamptz);
                create index idx_created_at on refund (created_at);
                """);

        assertEquals(Optional.of("idx_created_at is an index made before, by 20990101000000_orders.sql:2: index"
                        + " names are the schema's, not a table's: give the later index another name."),
                advice(madeAgain("20990102000000_refund.sql", 2, "create index idx_created_at on refund (created_at);",
                        "idx_created_at")));
    }

    @Test
    void anIndexNamedAsAnEarlierTableIsToBeNamedOtherwise() {
        Folders.write(migrations.resolve("20990101000000_refund.sql"), "create table refund (id uuid primary key);\n");
        Folders.write(migrations.resolve("20990102000000_orders.sql"), """
                create table orders (id uuid primary key, refund_id uuid);
                create index refund on orders (refund_id);
                """);

        assertEquals(Optional.of("refund is a table made before, by 20990101000000_refund.sql:1: tables, views and"
                        + " indexes share the schema's names: give the later one another name."),
                advice(madeAgain("20990102000000_orders.sql", 2, "create index refund on orders (refund_id);",
                        "refund")));
    }

    @Test
    void aTableNamedAsAnEarlierIndexIsToBeNamedOtherwise() {
        Folders.write(migrations.resolve("20990101000000_orders.sql"), """
                create table orders (id uuid primary key, refund_id uuid);
                create index refund on orders (refund_id);
                """);
        Folders.write(migrations.resolve("20990102000000_refund.sql"), "create table refund (id uuid primary key);\n");

        assertEquals(Optional.of("refund is an index made before, by 20990101000000_orders.sql:2: tables, views and"
                        + " indexes share the schema's names: give the later one another name."),
                advice(madeAgain("20990102000000_refund.sql", 1, "create table refund (id uuid primary key);",
                        "refund")));
    }

    @Test
    void aTableOfTheNameALaterMigrationMakesAgainIsNotSaidToBeMadeBefore() {
        // After the last migration refund is the one 20990104 made, which ran after the failing one.
        Folders.write(migrations.resolve("20990101000000_refund.sql"), "create table refund (id uuid primary key);\n");
        Folders.write(migrations.resolve("20990102000000_refund_again.sql"),
                "create table refund (id uuid primary key);\n");
        Folders.write(migrations.resolve("20990103000000_drop.sql"), "drop table refund;\n");
        Folders.write(migrations.resolve("20990104000000_refund.sql"), "create table refund (id uuid primary key);\n");

        assertEquals(Optional.empty(), advice(madeAgain("20990102000000_refund_again.sql", 1,
                "create table refund (id uuid primary key);", "refund")));
    }
}
