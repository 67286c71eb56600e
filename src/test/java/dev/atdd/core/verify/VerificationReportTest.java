package dev.atdd.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.TableOrigin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict of verify-migrations as the settings decide it, from reports built by hand: no database. */
class VerificationReportTest {

    private static final Path BASE = Path.of("/work/shop");
    private static final Drift NO_TABLE = new Drift("shop_order_order", Optional.empty(), Optional.empty(),
            "no such table after the migrations ran (shop/order/order asks for it)",
            Optional.of(BASE.resolve("contracts/shop/order/order.schema.json")));
    private static final Drift WRONG_TYPE = new Drift("shop_cart_cart", Optional.of("total"), Optional.empty(),
            "contract says number (NUMERIC NOT NULL), table has TEXT NULL",
            Optional.of(BASE.resolve("contracts/shop/cart/cart.schema.json")));
    private static final Drift NO_EVENT_LOG = new Drift("match_events", Optional.empty(), Optional.empty(),
            "no such table after the migrations ran (event-log match asks for it)", Optional.empty());
    private static final String ONE_DIFFERENCE = "1 difference between the contracts and the schema the migrations build:";
    private static final String NO_TABLE_LINES = "  contracts/shop/order/order.schema.json:\n"
            + "    shop_order_order: no such table after the migrations ran (shop/order/order asks for it)";
    private static final MigrationFile CART_MIGRATION = new MigrationFile(
            Path.of("supabase/migrations/20250101000000_cart.sql"), "20250101000000", "cart");
    private static final UnprotectedTable CART = madeByMigration("shop_cart_cart", 3);
    private static final String ONE_UNPROTECTED = "Row level security is off on 1 public table: shop_cart_cart"
            + " (20250101000000_cart.sql:3). Supabase serves the public schema through its API: enable row level"
            + " security on it in a migration (or set rowLevelSecurityCheck=warn).";

    private static final Map<String, TableOrigin> CART_ORIGIN = Map.of("shop_cart_cart",
            new TableOrigin(CART_MIGRATION, 3, 1));

    private static VerificationReport report(List<Drift> drift, List<UnprotectedTable> withoutRowLevelSecurity) {
        return new VerificationReport(List.of(CART_MIGRATION.path()), drift, withoutRowLevelSecurity, Set.of(),
                CART_ORIGIN);
    }

    private static UnprotectedTable madeByMigration(String name, int line) {
        return new UnprotectedTable(name, Optional.of(new TableOrigin(CART_MIGRATION, line, 1)), Optional.empty());
    }

    private static UnprotectedTable madeByPreludeFile(String name) {
        return new UnprotectedTable(name, Optional.empty(), Optional.of(Path.of("/work/project/sql/prelude.sql")));
    }

    @Test
    void aCleanSchemaPassesWithNothingToSay() {
        VerificationReport.Verdict verdict = report(List.of(), List.of()).verdict(RowLevelSecurityCheck.FAIL, true, BASE);

        assertEquals(new VerificationReport.Verdict(true, "", List.of(), List.of()), verdict);
    }

    @Test
    void driftAndAnUnprotectedTableBothFailTheBuildDriftFirst() {
        VerificationReport.Verdict verdict = report(List.of(NO_TABLE), List.of(CART))
                .verdict(RowLevelSecurityCheck.FAIL, true, BASE);

        assertEquals(new VerificationReport.Verdict(false, ONE_DIFFERENCE + "\n" + NO_TABLE_LINES + "\n" + ONE_UNPROTECTED,
                List.of(), List.of("shop_cart_cart")), verdict);
    }

    @Test
    void inWarnModesBothAreWarningsTheTableFirstAndTheDriftALineEach() {
        VerificationReport.Verdict verdict = report(List.of(NO_EVENT_LOG, NO_TABLE, WRONG_TYPE), List.of(CART))
                .verdict(RowLevelSecurityCheck.WARN, false, BASE);

        // Already a warning: the setting that makes it one is not offered again.
        assertEquals(new VerificationReport.Verdict(true, "", List.of(ONE_UNPROTECTED.replace(
                        " (or set rowLevelSecurityCheck=warn).", "."),
                "3 differences between the contracts and the schema the migrations build:",
                "  contracts/shop/order/order.schema.json:",
                "    shop_order_order: no such table after the migrations ran (shop/order/order asks for it)",
                "  contracts/shop/cart/cart.schema.json (table made at 20250101000000_cart.sql:3):",
                "    shop_cart_cart.total: contract says number (NUMERIC NOT NULL), table has TEXT NULL",
                "  declared in the pom (infrastructureTables):",
                "    match_events: no such table after the migrations ran (event-log match asks for it)",
                VerificationReport.BUILT_TABLE_DRIFT_HINT), List.of("shop_cart_cart")), verdict);
    }

    @Test
    void eachContractsHeadingNamesTheMigrationThatMadeItsTableOnceAndNoneForOneThePreludeFileMade() {
        Path invoiceContract = BASE.resolve("contracts/billing/invoice/invoice.schema.json");
        Path cartContract = WRONG_TYPE.contract().orElseThrow();
        VerificationReport report = new VerificationReport(List.of(CART_MIGRATION.path()), List.of(WRONG_TYPE,
                new Drift("shop_cart_cart", Optional.of("note"), Optional.empty(), "contract says string (TEXT NULL),"
                        + " table has no such column", Optional.of(cartContract)),
                new Drift("billing_invoice", Optional.of("amount"), Optional.empty(), "contract says number (NUMERIC"
                        + " NOT NULL), table has TEXT NULL", Optional.of(invoiceContract))),
                List.of(), Set.of("billing_invoice"), CART_ORIGIN);

        assertEquals(List.of("3 differences between the contracts and the schema the migrations build:",
                "  contracts/shop/cart/cart.schema.json (table made at 20250101000000_cart.sql:3):",
                "    shop_cart_cart.total: contract says number (NUMERIC NOT NULL), table has TEXT NULL",
                "    shop_cart_cart.note: contract says string (TEXT NULL), table has no such column",
                "  contracts/billing/invoice/invoice.schema.json:",
                "    billing_invoice.amount: contract says number (NUMERIC NOT NULL), table has TEXT NULL",
                VerificationReport.BUILT_TABLE_DRIFT_HINT,
                "billing_invoice is made by the prelude file, as another module or tool makes it: fix the table there,"
                        + " and the prelude file after it."), report.describeDrift(BASE).lines().toList());
    }

    @Test
    void driftOnlyWarnedAboutLeavesTheUnprotectedTablesToFailTheBuild() {
        VerificationReport.Verdict verdict = report(List.of(NO_TABLE), List.of(madeByMigration("a", 1),
                new UnprotectedTable("b", Optional.empty(), Optional.empty()))).verdict(RowLevelSecurityCheck.FAIL, false, BASE);

        assertEquals(new VerificationReport.Verdict(false, "Row level security is off on 2 public tables:"
                + " a (20250101000000_cart.sql:1), b. Supabase serves the public schema through its API: enable row"
                + " level security on each in a migration (or set rowLevelSecurityCheck=warn).",
                List.of(ONE_DIFFERENCE, "  contracts/shop/order/order.schema.json:",
                        "    shop_order_order: no such table after the migrations ran (shop/order/order asks for it)"),
                List.of("a", "b")), verdict);
    }

    @Test
    void aTableThePreludeFileMakesIsToldToGetRowLevelSecurityThere() {
        VerificationReport.Verdict verdict = report(List.of(), List.of(madeByPreludeFile("billing_invoice")))
                .verdict(RowLevelSecurityCheck.FAIL, true, BASE);

        assertEquals("Row level security is off on 1 public table: billing_invoice (prelude file prelude.sql)."
                + " Supabase serves the public schema through its API: enable row level security on it in the"
                + " prelude file (or set rowLevelSecurityCheck=warn).", verdict.failure());
    }

    @Test
    void tablesOfBothTheMigrationsAndThePreludeFileAreToldWhereEachGetsIt() {
        VerificationReport.Verdict verdict = report(List.of(), List.of(madeByPreludeFile("billing_invoice"), CART))
                .verdict(RowLevelSecurityCheck.WARN, true, BASE);

        assertEquals(List.of("Row level security is off on 2 public tables: billing_invoice (prelude file prelude.sql),"
                + " shop_cart_cart (20250101000000_cart.sql:3). Supabase serves the public schema through its API:"
                + " enable row level security on each in a migration, or in the prelude file for a table it makes."),
                verdict.warnings());
    }

    @Test
    void withTheCheckOffUnprotectedTablesAreNeitherCountedNorMentioned() {
        VerificationReport.Verdict passing = report(List.of(), List.of(CART))
                .verdict(RowLevelSecurityCheck.OFF, true, BASE);
        VerificationReport.Verdict failing = report(List.of(NO_TABLE), List.of(CART))
                .verdict(RowLevelSecurityCheck.OFF, true, BASE);

        assertEquals(new VerificationReport.Verdict(true, "", List.of(), List.of()), passing);
        assertEquals(new VerificationReport.Verdict(false, ONE_DIFFERENCE + "\n" + NO_TABLE_LINES, List.of(), List.of()),
                failing);
    }
}
