package dev.atdd.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.ContractCatalog;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.database.MigrationFailedException;
import dev.atdd.core.database.ScratchDatabase;
import dev.atdd.core.database.SqlScript;
import dev.atdd.core.database.SupabasePrelude;
import dev.atdd.core.generate.GenerationRequest;
import dev.atdd.core.generate.MigrationGenerator;
import dev.atdd.core.migration.MigrationFile;
import dev.atdd.core.migration.MigrationIndex;
import dev.atdd.core.plan.PlannedTable;
import dev.atdd.core.plan.TablePlan;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.core.types.TypeMapping;
import dev.atdd.testing.Folders;
import dev.atdd.testing.Postgres15;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds schemas on the shared PostgreSQL 15 (a scratch database each time) and compares them with contracts. */
class MigrationVerifierTest {

    private static final String LINE_ITEM = """
            {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
             "required": ["id", "amount"],
             "properties": {"id": {"type": "string", "format": "uuid"}, "amount": {"type": "number"},
                            "currency": {"type": "string", "enum": ["EUR", "USD"]}}}
            """;

    @TempDir
    Path project;

    private final MigrationVerifier verifier = new MigrationVerifier(
            () -> ScratchDatabase.onServer(Postgres15.adminJdbcUrl(), "postgres", null), SupabasePrelude.builtIn());

    @Test
    void theExampleProjectBuildsEveryTableItsContractsAskFor() throws Exception {
        Folders.copy(Path.of("examples/quiz-game"), project);
        new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(new GenerationRequest(
                contracts(), migrations(), Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(), false));

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(4, report.applied().size());
        assertEquals(List.of(), report.drift());
        assertEquals(List.of(), report.withoutRowLevelSecurity());
    }

    @Test
    void valuesHoldingATodoMarkerAreFoundInTheChecksTheGeneratedMigrationMakes() throws Exception {
        // The template writes such a value as adjacent literals on two lines: the catalog holds it joined.
        contract("support/ticket/ticket", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["id", "status", "kind", "code"],
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "status": {"type": "string", "enum": ["open", "TODO: triage", "it's todo: done"]},
                                "kind": {"type": "string", "const": "ToDo: later"},
                                "code": {"type": "string", "pattern": "^TODO: [0-9]+$"}}}
                """);
        new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(new GenerationRequest(
                contracts(), migrations(), Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(), false));

        MigrationIndex index = MigrationIndex.scan(migrations());
        assertTrue(Files.readString(index.files().get(0).path()).contains("'TO'\n'DO: triage'"));

        VerificationReport report = verifier.verify(plan(), index, Set.of());

        assertEquals(List.of(), report.drift());
    }

    @Test
    void booleanAndNumberValuesAreFoundInTheChecksTheGeneratedMigrationMakes() throws Exception {
        // The template writes numbers and booleans bare in a column of their type, and the values of a TEXT
        // column quoted; the catalog prints constants of the column's type its own way:
        // (b1 = true), (n1 = 1.5), (n2 = ANY (ARRAY['100'::numeric, 0.1])).
        contract("lab/sensor/reading", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "b1": {"const": true},
                                "b2": {"type": "boolean", "enum": [true, false]},
                                "b3": {"type": "boolean", "const": false},
                                "n1": {"type": "number", "const": 1.50},
                                "n2": {"type": "number", "enum": [1e2, 0.1]},
                                "n3": {"type": "number", "enum": [-1.5, -3, 2.50, 1e-7, 1.5E+3, 12345678901234567890.5]},
                                "n4": {"type": "number", "const": -0.25},
                                "i1": {"type": "integer", "const": 5},
                                "i2": {"type": "integer", "enum": [5, -7, 0]},
                                "i3": {"type": "integer", "format": "int64", "enum": [9007199254740993, -1]},
                                "i4": {"type": "integer", "enum": [18446744073709551616, -18446744073709551616]},
                                "s1": {"type": "string", "const": "1.50"},
                                "s2": {"enum": [1, "true", "it's"]}}}
                """);
        new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(new GenerationRequest(
                contracts(), migrations(), Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(), false));

        MigrationIndex index = MigrationIndex.scan(migrations());
        String generated = Files.readString(index.files().get(0).path());
        assertTrue(generated.contains("b1 BOOLEAN CHECK (b1 = true)"), generated);
        assertTrue(generated.contains("n1 NUMERIC CHECK (n1 = 1.5)"), generated);
        assertTrue(generated.contains("n3 NUMERIC CHECK (n3 IN (-1.5, -3, 2.5, 1E-7, 1500, 12345678901234567890.5))"),
                generated);
        assertTrue(generated.contains("i2 INTEGER CHECK (i2 IN (5, -7, 0))"), generated);
        assertTrue(generated.contains("i3 BIGINT CHECK (i3 IN (9007199254740993, -1))"), generated);
        assertTrue(generated.contains("i4 NUMERIC CHECK (i4 IN (18446744073709551616, -18446744073709551616))"),
                generated);
        assertTrue(generated.contains("s1 TEXT CHECK (s1 = '1.50')"), generated);
        assertTrue(generated.contains("s2 TEXT CHECK (s2 IN ('1', 'true', 'it''s'))"), generated);

        VerificationReport report = verifier.verify(plan(), index, Set.of());

        assertEquals(List.of(), report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aSmallintHoldsAnIntegerBoundedWithin16BitsButNoOther() throws Exception {
        contract("crm/person/person", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "age": {"type": "integer", "minimum": 13, "maximum": 130},
                                "rank": {"type": "integer", "enum": [1, 2, 3]},
                                "edge": {"type": "integer", "minimum": -32768, "exclusiveMaximum": 32768},
                                "count": {"type": "integer"},
                                "floor": {"type": "integer", "minimum": 0},
                                "wide": {"type": "integer", "minimum": 0, "maximum": 32768}}}
                """);
        migration("20250101000000_person.sql", """
                create table public.crm_person_person (
                  id uuid primary key default gen_random_uuid(),
                  age smallint, rank smallint check (rank in (1, 2, 3)), edge int2, count smallint, floor smallint,
                  wide smallint
                );
                alter table public.crm_person_person enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "crm_person_person.count: contract says integer (INTEGER NULL), table has SMALLINT NULL",
                "crm_person_person.floor: contract says integer (INTEGER NULL), table has SMALLINT NULL",
                "crm_person_person.wide: contract says integer (INTEGER NULL), table has SMALLINT NULL"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aBooleanOrNumberCheckWithOtherValuesIsDrift() throws Exception {
        contract("lab/sensor/reading", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "b1": {"const": true},
                                "b2": {"type": "boolean", "enum": [true, false]},
                                "n1": {"type": "number", "const": 1.5},
                                "n2": {"type": "number", "enum": [1e2, 0.1]},
                                "n3": {"type": "number", "const": -1.5},
                                "n4": {"type": "number", "const": 1.5},
                                "i1": {"type": "integer", "const": 5}}}
                """);
        migration("20250101000000_reading.sql", """
                create table public.lab_sensor_reading (
                  id uuid primary key default gen_random_uuid(),
                  b1 boolean check (b1 = false),
                  b2 boolean check (b2 in (true, false)),
                  n1 numeric check (n1 = 11.55),
                  n2 numeric check (n2 in (100, 0.2)),
                  n3 numeric check (n3 = 1.5),
                  n4 numeric check (n4 = 1.500),
                  i1 integer check (i1 = 55)
                );
                alter table public.lab_sensor_reading enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "lab_sensor_reading.b1: contract says const true, table has no such CHECK",
                "lab_sensor_reading.n1: contract says const 1.5, table has no such CHECK",
                "lab_sensor_reading.n2: contract says enum [100, 0.1], table has CHECK lab_sensor_reading_n2_check"
                        + " without [0.1]",
                "lab_sensor_reading.n3: contract says const -1.5, table has no such CHECK",
                "lab_sensor_reading.i1: contract says const 5, table has no such CHECK"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aCheckShortOfSomeContractValuesOrMatchingAnotherPatternIsNamed() throws Exception {
        contract("shop/order/ticket", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "status": {"type": "string", "enum": ["open", "closed", "void"]},
                                "channel": {"type": "string", "enum": ["web", "app"]},
                                "code": {"type": "string", "pattern": "^[A-Z]+$"}}}
                """);
        migration("20250101000000_ticket.sql", """
                create table public.shop_order_ticket (
                  id uuid primary key default gen_random_uuid(),
                  status text constraint status_short check (status in ('open')),
                  channel text check (channel <> ''),
                  code text check (code ~ '^[a-z]+$')
                );
                alter table public.shop_order_ticket add constraint status_nearly
                  check (status in ('open', 'closed', 'draft'));
                alter table public.shop_order_ticket enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "shop_order_ticket.status: contract says enum [open, closed, void], table has CHECK status_nearly"
                        + " without [void]",
                "shop_order_ticket.channel: contract says enum [web, app], table has no such CHECK",
                "shop_order_ticket.code: contract says pattern ^[A-Z]+$, table has CHECK shop_order_ticket_code_check"
                        + " matching ^[a-z]+$"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aCheckThatNegatesTheContractValuesOrMatchesOtherwiseIsDrift() throws Exception {
        contract("lab/sensor/probe", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "s1": {"type": "string", "enum": ["on", "off"]},
                                "s2": {"type": "string", "enum": ["on", "off"]},
                                "s3": {"type": "string", "const": "on"},
                                "b1": {"const": true},
                                "p1": {"type": "string", "pattern": "^[A-Z]+$"},
                                "p2": {"type": "string", "pattern": "^[A-Z]+$"},
                                "p3": {"type": "string", "pattern": "^[A-Z]+$"},
                                "b2": {"const": true},
                                "n1": {"type": "integer", "enum": [1, 5]},
                                "s4": {"type": "string", "enum": ["on", "off"]},
                                "s5": {"type": "string", "enum": ["on", "off"]},
                                "s6": {"type": "string", "enum": ["A", "B"]}}}
                """);
        migration("20250101000000_probe.sql", """
                create table public.lab_sensor_probe (
                  id uuid primary key default gen_random_uuid(),
                  s1 text check (s1 not in ('on', 'off')),
                  s2 varchar(3) check (s2 != 'on' and s2 != 'off'),
                  s3 text check (s3 is distinct from 'on'),
                  b1 boolean check (not (b1 = true)),
                  p1 text check (p1 !~ '^[A-Z]+$'),
                  p2 text check (p2 ~* '^[A-Z]+$'),
                  p3 text check (p3 like '^[A-Z]+$'),
                  b2 boolean check (b2 is not true),
                  n1 integer check (n1 not between 1 and 5),
                  s4 text check ((s4 in ('on', 'off')) is false),
                  s5 text check (case when s5 in ('on', 'off') then false else true end),
                  s6 text check (lower(s6) in ('A', 'B'))
                );
                alter table public.lab_sensor_probe enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "lab_sensor_probe.s1: contract says enum [on, off], table has no such CHECK",
                "lab_sensor_probe.s2: contract says enum [on, off], table has no such CHECK",
                "lab_sensor_probe.s3: contract says const on, table has no such CHECK",
                "lab_sensor_probe.b1: contract says const true, table has no such CHECK",
                "lab_sensor_probe.p1: contract says pattern ^[A-Z]+$, table has no such CHECK",
                "lab_sensor_probe.p2: contract says pattern ^[A-Z]+$, table has no such CHECK",
                "lab_sensor_probe.p3: contract says pattern ^[A-Z]+$, table has no such CHECK",
                "lab_sensor_probe.b2: contract says const true, table has no such CHECK",
                "lab_sensor_probe.n1: contract says enum [1, 5], table has no such CHECK",
                "lab_sensor_probe.s4: contract says enum [on, off], table has no such CHECK",
                "lab_sensor_probe.s5: contract says enum [on, off], table has no such CHECK",
                "lab_sensor_probe.s6: contract says enum [A, B], table has no such CHECK"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aCheckThatComparesTheContractValuesAmongOtherConditionsIsNoDrift() throws Exception {
        contract("lab/sensor/gauge", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "e1": {"type": "string", "enum": ["on", "off"]},
                                "e2": {"type": "string", "const": "on"},
                                "e3": {"type": "string", "enum": ["on", "off"]},
                                "e4": {"type": "string", "enum": ["on", "off"]},
                                "e5": {"type": "string", "enum": ["on", "off"]},
                                "t1": {"const": true},
                                "t2": {"const": false},
                                "n1": {"type": "number", "enum": [1.5, 2]},
                                "q1": {"type": "string", "pattern": "^[A-Z]+$"},
                                "q2": {"type": "string", "pattern": "^[A-Z]+$"},
                                "q3": {"type": "string", "pattern": "^[A-Z]+$"},
                                "q4": {"type": "string", "pattern": "^[A-Z]+$"},
                                "q5": {"type": "string", "pattern": "^[A-Z]+$", "maxLength": 20},
                                "e6": {"type": "string", "enum": ["on", "off"]},
                                "e7": {"type": "string", "enum": ["on", "off"]},
                                "t3": {"const": true},
                                "t4": {"const": true},
                                "c1": {"type": "string", "enum": ["on", "off"]},
                                "c2": {"type": "string", "pattern": "^[a-z]+$"}}}
                """);
        migration("20250100000000_citext.sql", "create extension if not exists citext with schema extensions;\n");
        migration("20250101000000_gauge.sql", """
                create table public.lab_sensor_gauge (
                  id uuid primary key default gen_random_uuid(),
                  e1 text check (e1 in ('on', 'off') and e1 <> ''),
                  e2 text check (e2 is not distinct from 'on'),
                  e3 varchar(3) check (not (e3 not in ('on', 'off'))),
                  e4 text check (not e4 is null and e4 in ('on', 'off', 'auto')),
                  e5 varchar(3),
                  t1 boolean check (t1 is true),
                  t2 boolean check (not t2),
                  n1 numeric check ('1.50' = n1 or n1 = 2),
                  q1 text check (btrim(q1) <> '' and q1 ~ '^[A-Z]+$'),
                  q2 text check (q2 ~ '^[A-Z]+$' and q2 !~ '^(ADMIN|ROOT)$'),
                  q3 text check (q3 ~ '^[A-Z]+$' collate "C"),
                  q4 text check (regexp_like(q4, '^[A-Z]+$')),
                  q5 varchar(20) check (char_length(q5) > 0 and q5 ~ '^[A-Z]+$'),
                  e6 text check (e6 = any ('{on,off}')),
                  e7 varchar(3) check (e7 = any ('{on,off}'::text[])),
                  t3 boolean check (t3 <> false),
                  t4 boolean check (t4 is distinct from false),
                  c1 extensions.citext check (c1 in ('on', 'off')),
                  c2 extensions.citext check (c2 ~ '^[a-z]+$')
                );
                alter table public.lab_sensor_gauge
                  add constraint gauge_e5 check (e5 is null or e5 in ('on', 'off')) not valid;
                alter table public.lab_sensor_gauge enable row level security;
                -- As pg_dump's output does: the catalog then qualifies what lies in extensions.
                select pg_catalog.set_config('search_path', '', false);
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(), report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aDriftedColumnIsNamedWithWhatTheContractSaysAndWhatTheTableHas() throws Exception {
        contract("billing/invoice/line-item", LINE_ITEM);
        migration("20250101000000_line_item.sql", """
                create table public.billing_invoice_line_item (
                  id uuid primary key default gen_random_uuid(),
                  amount text,
                  currency text not null
                );
                alter table public.billing_invoice_line_item enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "billing_invoice_line_item.amount: contract says number (NUMERIC NOT NULL), table has TEXT NULL",
                "billing_invoice_line_item.currency: contract says string (TEXT NULL), table has TEXT NOT NULL",
                "billing_invoice_line_item.currency: contract says enum [EUR, USD], table has no such CHECK"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aDriftedColumnNamesTypesAsTheContractSideDoesAndAnUntypedPropertyByWhatMakesIt() throws Exception {
        contract("clinic/visit/visit", """
                {"properties": {"id": {"type": "string", "format": "uuid"},
                  "startsAt": {"type": "string", "format": "date-time"},
                  "room": {"$ref": "#/definitions/room"},
                  "kind": {"oneOf": [{"const": "a"}, {"const": "b"}]}},
                 "definitions": {"room": {"type": "string", "maxLength": 8}},
                 "x-artifact-metadata": {"persistence": {"strategy": "relational"}}}
                """);
        migration("20250101000000_visit.sql", """
                create table public.clinic_visit_visit (
                  id uuid primary key,
                  starts_at timestamp(3) with time zone not null,
                  room character varying(8) not null,
                  kind integer
                );
                alter table public.clinic_visit_visit enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        // NULL is all that differs: the catalog's "timestamp(3) with time zone" would read as a second difference.
        assertEquals(List.of(
                "clinic_visit_visit.starts_at: contract says string (TIMESTAMPTZ NULL),"
                        + " table has TIMESTAMPTZ(3) NOT NULL",
                "clinic_visit_visit.room: contract says $ref #/definitions/room (TEXT NULL),"
                        + " table has VARCHAR(8) NOT NULL",
                "clinic_visit_visit.kind: contract says oneOf (JSONB or TEXT NULL), table has INTEGER NULL"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aRelationalContractWhoseTableKeepsTheJsonbDocumentIsToldWhyItsColumnsAreMissing() throws Exception {
        contract("shop/coupon/coupon", """
                {"properties": {"id": {"type": "string", "format": "uuid"}, "code": {"type": "string"}},
                 "x-artifact-metadata": {"persistence": {"strategy": "relational"}}}
                """);
        migration("20250101000000_coupon.sql", """
                create table public.shop_coupon_coupon (
                  id uuid primary key default gen_random_uuid(),
                  data jsonb not null
                );
                alter table public.shop_coupon_coupon enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of("shop_coupon_coupon: the table keeps the document in data JSONB, as the jsonb shape does,"
                        + " where the relational contract asks for columns: if its strategy was changed, alter the table"
                        + " in a new migration, or set persistence.strategy back to jsonb",
                "shop_coupon_coupon.code: contract says string (TEXT NULL), table has no such column"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void theDriftOfATableIsHeadedWithTheMigrationThatMadeIt() throws Exception {
        contract("billing/invoice/line-item", LINE_ITEM);
        contract("billing/ledger/entry", "{\"properties\": {\"id\": {\"type\": \"string\"}}}");
        migration("20250101000000_audit.sql", "create table public.audit_log (id bigint primary key);\n"
                + "alter table public.audit_log enable row level security;\n");
        migration("20250102000000_line_item.sql", """
                -- Line items, as billing writes them.

                create table public.billing_invoice_line_item (
                  id uuid primary key default gen_random_uuid(),
                  amount text not null,
                  currency text check (currency in ('EUR', 'USD'))
                );
                alter table public.billing_invoice_line_item enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of("2 differences between the contracts and the schema the migrations build:",
                "  contracts/billing/invoice/line-item.schema.json (table made at 20250102000000_line_item.sql:3):",
                "    billing_invoice_line_item.amount: contract says number (NUMERIC NOT NULL), table has TEXT"
                        + " NOT NULL",
                "  contracts/billing/ledger/entry.schema.json:",
                "    billing_ledger_entry: no such table after the migrations ran (billing/ledger/entry asks for it)",
                VerificationReport.BUILT_TABLE_DRIFT_HINT), report.describeDrift(project).lines().toList());
    }

    @Test
    void aMissingColumnIsToldWithItsChecksSoThatOneAddColumnMendsIt() throws Exception {
        contract("billing/invoice/line-item", LINE_ITEM);
        migration("20250101000000_line_item.sql", """
                create table public.billing_invoice_line_item (
                  id uuid primary key default gen_random_uuid(),
                  amount numeric not null
                );
                alter table public.billing_invoice_line_item enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of("billing_invoice_line_item.currency: contract says string (TEXT NULL) and enum [EUR, USD],"
                        + " table has no such column"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aDomainIsComparedByTheTypeItStoresThroughEveryLevel() throws Exception {
        contract("billing/customer/customer", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["id", "email"],
                 "properties": {"id": {"type": "string", "format": "uuid"}, "email": {"type": "string"},
                                "work_email": {"type": "string"}, "tier": {"type": "string", "enum": ["a", "b"]},
                                "age": {"type": "string"}, "grade": {"type": "string", "enum": ["a", "c"]}}}
                """);
        migration("20250101000000_customer.sql", """
                create domain email_address as text check (value ~ '@');
                create domain work_email_address as email_address check (value ~ '@acme');
                create type customer_tier as enum ('a', 'b');
                create domain tier_code as customer_tier;
                create domain years as integer check (value >= 0);
                create table public.billing_customer_customer (
                  id uuid primary key default gen_random_uuid(),
                  email email_address not null,
                  work_email work_email_address,
                  tier tier_code,
                  age years,
                  grade tier_code
                );
                alter table public.billing_customer_customer enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "billing_customer_customer.age: contract says string (TEXT NULL), table has YEARS NULL",
                "billing_customer_customer.grade: contract says enum [a, c], table has TIER_CODE, an enum type"
                        + " without [c]"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aKeyOfTheTypeTheContractsIdDeclaresIsNoDriftAsTheGeneratedKeysTodoInvitesButAnotherTypeIs() throws Exception {
        contract("billing/audit/entry", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["id"], "properties": {"id": {"type": "integer", "format": "int64"}}}
                """);
        contract("billing/audit/note", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["id"], "properties": {"id": {"type": "integer"}}}
                """);
        contract("billing/audit/tag", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"name": {"type": "string"}}}
                """);
        // The Supabase dashboard's default key; the TODO of a generated table asks to review the UUID one.
        migration("20250101000000_audit.sql", """
                create table public.billing_audit_entry (id bigint generated by default as identity primary key);
                create table public.billing_audit_note (id text primary key);
                create table public.billing_audit_tag (id bigint primary key, name text);
                alter table public.billing_audit_entry enable row level security;
                alter table public.billing_audit_note enable row level security;
                alter table public.billing_audit_tag enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "billing_audit_note.id: contract says integer (UUID or INTEGER NOT NULL), table has TEXT NOT NULL",
                "billing_audit_tag.id: contract says the key (UUID NOT NULL), table has BIGINT NOT NULL"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void anArrayColumnForAScalarPropertyIsDrift() throws Exception {
        contract("billing/invoice/line-item", LINE_ITEM);
        // 'EUR' is no array literal: every valid document would fail on these columns.
        migration("20250101000000_line_item.sql", """
                create table public.billing_invoice_line_item (
                  id uuid primary key default gen_random_uuid(),
                  amount numeric(12,2)[] not null,
                  currency varchar(3)[] check (currency <@ array['EUR', 'USD']::varchar(3)[])
                );
                alter table public.billing_invoice_line_item enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "billing_invoice_line_item.amount: contract says number (NUMERIC NOT NULL), table has NUMERIC(12,2)[]"
                        + " NOT NULL",
                "billing_invoice_line_item.currency: contract says string (TEXT NULL), table has VARCHAR(3)[]"
                        + " NULL",
                "billing_invoice_line_item.currency: contract says enum [EUR, USD], table has no such CHECK"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void enumTypesAndArraysThatHoldEveryValueTheContractAllowsAreNoDrift() throws Exception {
        contract("shop/order/order", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["status"],
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "status": {"type": "string", "enum": ["draft", "paid"]},
                                "channel": {"type": "string", "const": "web"},
                                "tags": {"type": "array", "items": {"type": "string"}},
                                "codes": {"type": ["array", "null"], "items": {"type": "string", "maxLength": 8}},
                                "counts": {"type": "array", "items": {"type": "integer"}},
                                "amounts": {"type": "array", "items": {"type": "integer"}},
                                "flags": {"type": "array", "items": {"type": "boolean"}},
                                "days": {"type": "array", "items": {"type": "string", "format": "date"}},
                                "moods": {"type": "array", "items": {"enum": ["sad", "ok"]}},
                                "picks": {"type": "array", "items": {"enum": ["sad", "ok"]}},
                                "notes": {"type": "array", "items": {"type": "string"}}}}
                """);
        // As Supabase Studio writes them; a label added by a later migration counts, and so does a type
        // in a schema of its own, which the catalog names qualified (app.channel).
        migration("20250101000000_order.sql", """
                create type public.order_status as enum ('draft', 'refunded');
                create schema app;
                create type app.channel as enum ('shop', 'web');
                create type mood as enum ('sad', 'ok', 'happy');
                create table public.shop_order_order (
                  id uuid primary key default gen_random_uuid(),
                  status order_status not null,
                  channel app.channel,
                  tags text[],
                  codes varchar(8)[],
                  counts bigint[],
                  amounts numeric[],
                  flags boolean[],
                  days date[],
                  moods mood[],
                  picks text[],
                  notes jsonb
                );
                alter table public.shop_order_order enable row level security;
                """);
        migration("20250102000000_paid.sql", "alter type public.order_status add value 'paid' before 'refunded';\n");

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(), report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void anEnumTypeOrArrayThatMissesAContractValueOrHoldsOtherValuesIsDrift() throws Exception {
        contract("shop/order/order", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["status", "paid"],
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "status": {"type": "string", "enum": ["draft", "paid", "void", "sent"]},
                                "channel": {"type": "string", "const": "web"},
                                "note": {"type": "string"},
                                "level": {"type": "integer", "enum": [1, 2]},
                                "former": {"type": "string", "enum": ["draft", "paid"]},
                                "paid": {"type": "string", "enum": ["draft", "paid"]},
                                "tags": {"type": "array", "items": {"type": "string"}},
                                "moods": {"type": "array", "items": {"enum": ["sad", "ok", "happy"]}},
                                "words": {"type": "array", "items": {"type": "string"}},
                                "lines": {"type": "array", "items": {"type": "object"}},
                                "mixed": {"type": "array", "items": {"type": ["string", "integer"]}},
                                "pairs": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}
                """);
        migration("20250101000000_order.sql", """
                create type order_status as enum ('draft', 'paid');
                create schema app;
                create type app.channel as enum ('shop');
                create type level as enum ('1', '2');
                create type mood as enum ('sad', 'ok');
                create table public.shop_order_order (
                  id uuid primary key default gen_random_uuid(),
                  status order_status not null,
                  channel app.channel,
                  note order_status,
                  level level,
                  former order_status[],
                  paid order_status,
                  tags integer[],
                  moods mood[],
                  words mood[],
                  lines text[],
                  mixed text[],
                  pairs text[]
                );
                alter table public.shop_order_order enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "shop_order_order.status: contract says enum [draft, paid, void, sent], table has ORDER_STATUS,"
                        + " an enum type without [void, sent]",
                "shop_order_order.channel: contract says const web, table has APP.CHANNEL, an enum type without [web]",
                "shop_order_order.note: contract says string (TEXT NULL), table has ORDER_STATUS NULL, an enum type,"
                        + " where the contract lists no values (enum or const)",
                "shop_order_order.level: contract says integer (INTEGER NULL), table has LEVEL NULL, an enum type",
                "shop_order_order.level: contract says enum [1, 2], table has no such CHECK",
                "shop_order_order.former: contract says string (TEXT NULL), table has ORDER_STATUS[] NULL",
                "shop_order_order.former: contract says enum [draft, paid], table has no such CHECK",
                "shop_order_order.paid: contract says string (TEXT NOT NULL), table has ORDER_STATUS NULL",
                "shop_order_order.tags: contract says array (JSONB or TEXT[] NULL), table has INTEGER[] NULL",
                "shop_order_order.moods: contract says enum [sad, ok, happy], table has MOOD[], an enum type without"
                        + " [happy]",
                "shop_order_order.words: contract says array (JSONB or TEXT[] NULL), table has MOOD[] NULL, an enum"
                        + " type, where the contract lists no values (enum or const)",
                "shop_order_order.lines: contract says array (JSONB NULL), table has TEXT[] NULL",
                "shop_order_order.mixed: contract says array (JSONB NULL), table has TEXT[] NULL",
                "shop_order_order.pairs: contract says array (JSONB NULL), table has TEXT[] NULL"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aUnionOfScalarTypesMayBeTextAsItsReviewSaysButAUnionWithObjectsStaysJsonb() throws Exception {
        contract("shop/order/order", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["code"],
                 "properties": {"id": {"type": "string", "format": "uuid"},
                                "code": {"type": ["integer", "string"]},
                                "ref": {"type": ["string", "number", "boolean", "null"]},
                                "kept": {"type": ["integer", "string"]},
                                "count": {"type": ["integer", "string"]},
                                "extra": {"type": ["string", "object"]}}}
                """);
        migration("20250101000000_order.sql", """
                create table public.shop_order_order (
                  id uuid primary key default gen_random_uuid(),
                  code text not null,
                  ref varchar(40),
                  kept jsonb,
                  count integer,
                  extra text
                );
                alter table public.shop_order_order enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        // A union has no maxLength: VARCHAR(n) refuses some of its values.
        assertEquals(List.of(
                "shop_order_order.ref: contract says [\"string\",\"number\",\"boolean\",\"null\"] (JSONB or TEXT"
                        + " NULL) of any length, table has VARCHAR(40) NULL, which refuses longer values",
                "shop_order_order.count: contract says [\"integer\",\"string\"] (JSONB or TEXT NULL), table has"
                        + " INTEGER NULL",
                "shop_order_order.extra: contract says [\"string\",\"object\"] (JSONB NULL), table has TEXT NULL"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aVarcharShorterThanAValueTheContractAdmitsIsDriftAndOneLongEnoughIsNot() throws Exception {
        String member = """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "required": ["role", "name"],
                 "properties": {"id": {"type": "string", "maxLength": 26},
                                "role": {"type": "string", "enum": ["owner", "admin", "member", "viewer"]},
                                "name": {"type": "string", "maxLength": 200},
                                "nick": {"type": "string"},
                                "city": {"$ref": "#/definitions/city"},
                                "mood": {"const": "ünï"},
                                "title": {"type": "string"},
                                "tags": {"type": "array", "items": {"type": "string", "maxLength": 8}},
                                "labels": {"type": "array", "items": {"type": "string"}},
                                "kinds": {"type": "array", "items": {"enum": ["a", "bb"]}}},
                 "definitions": {"city": {"type": "string", "maxLength": 40}}}
                """;
        contract("team/member/fits", member);
        contract("team/member/short", member);
        // PostgreSQL counts a VARCHAR's length in characters: 'ünï' (5 bytes) fits in VARCHAR(3).
        migration("20250101000000_member.sql", """
                create table public.team_member_fits (
                  id varchar(26) primary key,
                  role varchar(6) not null check (role in ('owner', 'admin', 'member', 'viewer')),
                  name varchar(200) not null,
                  nick text,
                  city varchar(40),
                  mood varchar(3) check (mood = 'ünï'),
                  title character varying,
                  tags varchar(8)[],
                  labels text[],
                  kinds varchar(2)[]
                );
                create table public.team_member_short (
                  id varchar(20) primary key,
                  role varchar(3) not null check (role in ('owner', 'admin', 'member', 'viewer')),
                  name varchar(5) not null,
                  nick varchar(255),
                  city varchar(39),
                  mood varchar(2) check (mood = 'ünï'),
                  title character varying,
                  tags varchar(7)[],
                  labels varchar(50)[],
                  kinds varchar(1)[]
                );
                alter table public.team_member_fits enable row level security;
                alter table public.team_member_short enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "team_member_short.id: contract says string (UUID or TEXT NOT NULL) up to 26 characters long,"
                        + " table has VARCHAR(20) NOT NULL, which refuses longer values",
                "team_member_short.role: contract says string (TEXT NOT NULL) up to 6 characters long, table has"
                        + " VARCHAR(3) NOT NULL, which refuses longer values",
                "team_member_short.name: contract says string (TEXT NOT NULL) up to 200 characters long, table has"
                        + " VARCHAR(5) NOT NULL, which refuses longer values",
                "team_member_short.nick: contract says string (TEXT NULL) of any length, table has VARCHAR(255) NULL,"
                        + " which refuses longer values",
                "team_member_short.city: contract says $ref #/definitions/city (TEXT NULL) up to 40 characters long,"
                        + " table has VARCHAR(39) NULL, which refuses longer values",
                "team_member_short.mood: contract says const (TEXT NULL) up to 3 characters long, table has"
                        + " VARCHAR(2) NULL, which refuses longer values",
                "team_member_short.tags: contract says array (JSONB or TEXT[] NULL) with items up to 8 characters"
                        + " long, table has VARCHAR(7)[] NULL, which refuses longer values",
                "team_member_short.labels: contract says array (JSONB or TEXT[] NULL) with items of any length,"
                        + " table has VARCHAR(50)[] NULL, which refuses longer values",
                "team_member_short.kinds: contract says array (JSONB or TEXT[] NULL) with items up to 2 characters"
                        + " long, table has VARCHAR(1)[] NULL, which refuses longer values"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void theIndexesAGeneratedMigrationMakesAreFoundUnderTheirNamesAndUnderOthersByMethodAndKeys() throws Exception {
        // Keys PostgreSQL prints otherwise than the templates write them: a quote doubled, a backslash, a TODO
        // marker split between literals, keywords quoted ("timestamp", "time").
        contract("match/dilemma/current", """
                {"x-artifact-metadata": {"persistence": {"strategy": "jsonb", "indexes": [
                   {"type": "btree", "fields": ["match_id"]},
                   {"name": "current_quote", "type": "hash", "fields": ["it's"]},
                   {"type": "gin", "fields": ["tags"]},
                   {"name": "current_odd_keys", "type": "btree",
                    "fields": ["back\\\\slash", "ünï code", "TODO: x"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "match_id": {"type": "string"},
                                "it's": {"type": "string"}, "tags": {"type": "array"}, "back\\\\slash": {},
                                "ünï code": {}, "TODO: x": {}}}
                """);
        contract("shop/order/order", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational", "indexes": [
                   {"type": "btree", "fields": ["status"]},
                   {"name": "order_when", "type": "btree", "fields": ["timestamp", "time", "id"]},
                   {"type": "gin", "fields": ["details"]},
                   {"type": "hash", "fields": ["customer_id"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "status": {"type": "string"},
                                "timestamp": {"type": "string", "format": "date-time"}, "time": {"type": "string"},
                                "details": {"type": "object"}, "customer_id": {"type": "string"}}}
                """);
        new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(new GenerationRequest(
                contracts(), migrations(), Optional.empty(), Strategy.JSONB, true, List.of(), Set.of(), false));
        MigrationIndex index = MigrationIndex.scan(migrations());
        String generated = Files.readString(index.files().get(0).path())
                + Files.readString(index.files().get(1).path());
        assertTrue(generated.contains("USING HASH ((data->>'it''s'))"), generated);
        assertTrue(generated.contains("(timestamp, time, id)"), generated);

        assertEquals(List.of(), verifier.verify(plan(), index, Set.of()).drift().stream().map(Drift::describe)
                .toList());

        // The team's own names: every index is then found by its method and keys alone.
        for (MigrationFile file : index.files()) {
            Files.writeString(file.path(), Files.readString(file.path())
                    .replaceAll("CREATE INDEX (\\w+) ON", "CREATE INDEX team_$1 ON"));
        }
        MigrationIndex renamed = MigrationIndex.scan(migrations());
        assertTrue(Files.readString(renamed.files().get(0).path()).contains("CREATE INDEX team_current_quote ON"));

        assertEquals(List.of(), verifier.verify(plan(), renamed, Set.of()).drift().stream().map(Drift::describe)
                .toList());
    }

    @Test
    void anIndexTheTableLacksOrHasWithAnotherMethodIsDriftOfItsTable() throws Exception {
        contract("match/dilemma/current", """
                {"x-artifact-metadata": {"persistence": {"indexes": [{"type": "btree", "fields": ["match_id"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "match_id": {"type": "string"}}}
                """);
        contract("shop/order/order", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational", "indexes": [
                   {"name": "orders_status_idx", "type": "btree", "fields": ["status"]},
                   {"type": "btree", "fields": ["customer_id", "placed_at"]},
                   {"type": "hash", "fields": ["customer_id"]},
                   {"type": "btree", "fields": ["id"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "status": {"type": "string"},
                                "customer_id": {"type": "string"},
                                "placed_at": {"type": "string", "format": "date-time"}}}
                """);
        // Under other names: the keys in another order, over some rows only, by another method, or
        // data->'match_id' (JSONB) for data->>'match_id' (text). The primary key's index is the one on id.
        migration("20250101000000_orders.sql", """
                create table public.shop_order_order (
                  id uuid primary key default gen_random_uuid(),
                  status text, customer_id text, placed_at timestamptz
                );
                alter table public.shop_order_order enable row level security;
                create index orders_status_idx on public.shop_order_order using hash (status);
                create index by_customer on public.shop_order_order (placed_at, customer_id);
                create index open_by_customer on public.shop_order_order (customer_id, placed_at) where status = 'open';
                create index customer_lookup on public.shop_order_order (customer_id);
                create table public.match_dilemma_current (id uuid primary key, data jsonb not null);
                alter table public.match_dilemma_current enable row level security;
                create index by_match on public.match_dilemma_current using btree ((data->'match_id'));
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of("4 differences between the contracts and the schema the migrations build:",
                "  contracts/match/dilemma/current.schema.json (table made at 20250101000000_orders.sql:10):",
                "    match_dilemma_current: contract asks for index idx_match_dilemma_current_match_id"
                        + " (BTREE on (data ->> 'match_id'::text)), table has no such index",
                "  contracts/shop/order/order.schema.json (table made at 20250101000000_orders.sql:1):",
                "    shop_order_order: contract asks for index orders_status_idx (BTREE on status), table has"
                        + " orders_status_idx as HASH on status",
                "    shop_order_order: contract asks for index idx_shop_order_order_customer_id_placed_at"
                        + " (BTREE on customer_id, placed_at), table has no such index",
                "    shop_order_order: contract asks for index idx_shop_order_order_customer_id (HASH on customer_id),"
                        + " table has no such index",
                VerificationReport.BUILT_TABLE_DRIFT_HINT), report.describeDrift(project).lines().toList());
        assertEquals(List.of(Optional.of("idx_match_dilemma_current_match_id"), Optional.of("orders_status_idx"),
                Optional.of("idx_shop_order_order_customer_id_placed_at"),
                Optional.of("idx_shop_order_order_customer_id")), report.drift().stream().map(Drift::index).toList());
    }

    @Test
    void anIndexOfThePlannedNameCountsOnlyByThePlannedMethodOnThePlannedKeysOverEveryRow() throws Exception {
        contract("billing/invoice/invoice", """
                {"x-artifact-metadata": {"persistence": {"indexes": [
                   {"name": "idx_invoice_status", "type": "btree", "fields": ["status"]},
                   {"type": "btree", "fields": ["number"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "status": {"type": "string"},
                                "number": {"type": "string"}}}
                """);
        contract("shop/org/organisation", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational", "indexes": [
                   {"name": "organisations_name_idx", "type": "hash", "fields": ["name"]},
                   {"name": "organisations_slug_idx", "type": "hash", "fields": ["slug"]},
                   {"name": "organisations_open_idx", "type": "btree", "fields": ["status"]},
                   {"name": "organisations_kind_idx", "type": "btree", "fields": ["kind"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                                "slug": {"type": "string"}, "status": {"type": "string"},
                                "kind": {"type": "string"}}}
                """);
        // organisations_kind_idx is partial, but the team's by_kind serves the contract's queries over every row.
        migration("20250101000000_tables.sql", """
                create table public.billing_invoice_invoice (id uuid primary key, data jsonb not null);
                alter table public.billing_invoice_invoice enable row level security;
                create index idx_invoice_status on public.billing_invoice_invoice using btree ((data ->> 'number'));
                create index idx_billing_invoice_invoice_number on public.billing_invoice_invoice
                  using btree ((data ->> 'number'));
                create table public.shop_org_organisation (
                  id uuid primary key, name text, slug text, status text, kind text
                );
                alter table public.shop_org_organisation enable row level security;
                create index organisations_name_idx on public.shop_org_organisation using hash (slug);
                create index organisations_slug_idx on public.shop_org_organisation using hash (slug);
                create index organisations_open_idx on public.shop_org_organisation (status) where status = 'open';
                create index organisations_kind_idx on public.shop_org_organisation (kind) where kind <> 'x';
                create index by_kind on public.shop_org_organisation (kind);
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of(
                "billing_invoice_invoice: contract asks for index idx_invoice_status"
                        + " (BTREE on (data ->> 'status'::text)), table has idx_invoice_status as BTREE on"
                        + " (data ->> 'number'::text)",
                "shop_org_organisation: contract asks for index organisations_name_idx (HASH on name), table has"
                        + " organisations_name_idx as HASH on slug",
                "shop_org_organisation: contract asks for index organisations_open_idx (BTREE on status), table has"
                        + " organisations_open_idx as BTREE on status where status = 'open'::text"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aJsonbContractsIndexesAreComparedOnlyWhereItsTableKeepsTheDocumentInAJsonbDataColumn() throws Exception {
        String withIndex = """
                {"x-artifact-metadata": {"persistence": {"indexes": [{"type": "btree", "fields": ["owner"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "owner": {"type": "string"}}}
                """;
        contract("shop/cart/cart", withIndex);
        contract("shop/cart/saved", withIndex);
        contract("shop/cart/line", withIndex);
        // The team's own shapes (data of another type is not the document), and the template's shape.
        migration("20250101000000_carts.sql", """
                create table public.shop_cart_cart (id uuid primary key, owner text not null);
                create index shop_cart_cart_owner on public.shop_cart_cart (owner);
                create table public.shop_cart_saved (id uuid primary key, owner text, data text);
                create table public.shop_cart_line (id uuid primary key, data jsonb not null);
                alter table public.shop_cart_cart enable row level security;
                alter table public.shop_cart_saved enable row level security;
                alter table public.shop_cart_line enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of("shop_cart_line: contract asks for index idx_shop_cart_line_owner"
                        + " (BTREE on (data ->> 'owner'::text)), table has no such index"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aContractIndexThatCannotBeBuiltIsRefusedBeforeTheDatabaseStarts() throws Exception {
        contract("shop/order/order", """
                {"x-artifact-metadata": {"persistence": {"indexes": [{"type": "gist", "fields": ["status"]},
                                                                     {"type": "btree", "fields": ["stauts"]}]}},
                 "properties": {"id": {"type": "string", "format": "uuid"}, "status": {"type": "string"}}}
                """);
        migration("20250101000000_ok.sql", "create table public.a (id int);\n");
        MigrationVerifier withoutDatabase = new MigrationVerifier(
                () -> fail("the database was started although an index cannot be built"), SupabasePrelude.builtIn());

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> withoutDatabase.verify(plan(), MigrationIndex.scan(migrations()), Set.of()));

        assertEquals(List.of("/x-artifact-metadata/persistence/indexes/0/type: gist indexes are not supported:"
                        + " PostgreSQL has no default GiST operator class for these columns; use btree, hash or gin",
                "/x-artifact-metadata/persistence/indexes/1/fields/0: field 'stauts' is not a property of the contract"
                        + " (did you mean status?)"),
                refused.problems().stream().map(Problem::message).toList());
    }

    @Test
    void aMissingTableAndAPublicTableWithoutRowLevelSecurityAreReported() throws Exception {
        contract("billing/ledger/entry", "{\"properties\": {\"id\": {\"type\": \"string\"}}}");
        migration("20250101000000_other.sql", "create table public.audit_log (id bigserial primary key);\n");

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of("billing_ledger_entry: no such table after the migrations ran "
                + "(billing/ledger/entry asks for it)"), report.drift().stream().map(Drift::describe).toList());
        assertEquals(List.of("audit_log (20250101000000_other.sql:1)"),
                report.withoutRowLevelSecurity().stream().map(UnprotectedTable::described).toList());
    }

    @Test
    void aTableWithoutRowLevelSecurityIsPlacedInThePreludeFileThatMadeItUnlessAMigrationMadeItAgain() throws Exception {
        Path preludeFile = project.resolve("prelude.sql");
        Files.writeString(preludeFile, "create table public.stand_in (id int);\ncreate table public.replaced (id int);\n");
        migration("20250101000000_other.sql", "drop table public.replaced;\n\ncreate table public.replaced (id int);\n"
                + "do $$ begin execute 'create table public.dynamic (id int)'; end $$;\n");
        MigrationVerifier withFile = new MigrationVerifier(
                () -> ScratchDatabase.onServer(Postgres15.adminJdbcUrl(), "postgres", null),
                SupabasePrelude.builtInThen(SqlScript.read(preludeFile)));

        VerificationReport report = withFile.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(List.of("dynamic", "replaced (20250101000000_other.sql:3)", "stand_in (prelude file prelude.sql)"),
                report.withoutRowLevelSecurity().stream().map(UnprotectedTable::described).toList());
    }

    @Test
    void driftOfATableThePreludeFileMakesIsToBeFixedWhereAnotherModuleMakesIt() throws Exception {
        contract("billing/invoice/line-item", LINE_ITEM);
        Path preludeFile = project.resolve("prelude.sql");
        Files.writeString(preludeFile, "create table public.billing_invoice_line_item (id uuid primary key,"
                + " amount numeric not null);\n");
        MigrationVerifier withFile = new MigrationVerifier(
                () -> ScratchDatabase.onServer(Postgres15.adminJdbcUrl(), "postgres", null),
                SupabasePrelude.builtInThen(SqlScript.read(preludeFile)));

        VerificationReport report = withFile.verify(plan(), MigrationIndex.scan(migrations()),
                Set.of("billing_invoice_line_item"));

        assertEquals(Set.of("billing_invoice_line_item"), report.preludeFileTables());
        assertEquals("  contracts/billing/invoice/line-item.schema.json:",
                report.describeDrift(project).lines().toList().get(1));
        assertTrue(report.describeDrift(project).endsWith("\nbilling_invoice_line_item is made by the prelude file,"
                + " as another module or tool makes it: fix the table there, and the prelude file after it."),
                report.describeDrift(project));
    }

    @Test
    void anExistingTableTheMigrationsLackIsNoDriftButOneTheyBuildIsCompared() throws Exception {
        contract("billing/ledger/entry", "{\"properties\": {\"id\": {\"type\": \"string\"}}}");
        contract("billing/invoice/line-item", LINE_ITEM);
        migration("20250101000000_line_item.sql", """
                create table public.billing_invoice_line_item (
                  id uuid primary key default gen_random_uuid(),
                  amount numeric not null,
                  currency text
                );
                alter table public.billing_invoice_line_item enable row level security;
                """);

        VerificationReport report = verifier.verify(plan(), MigrationIndex.scan(migrations()),
                Set.of("billing_ledger_entry", "billing_invoice_line_item"));

        assertEquals(List.of(
                "billing_invoice_line_item.currency: contract says enum [EUR, USD], table has no such CHECK"),
                report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void aSchemaPulledFromSupabaseAppliesOnTheEmbeddedServerAndRESETALLKeepsItsSearchPath() throws Exception {
        contract("app/user/profile", "{\"properties\": {\"id\": {\"type\": \"string\"}}}");
        // The head and tail supabase db pull writes, with what a project's own schema adds to it.
        migration("20250101000000_remote_schema.sql", """
                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE EXTENSION IF NOT EXISTS "pgsodium" WITH SCHEMA "pgsodium";
                COMMENT ON SCHEMA "public" IS 'standard public schema';
                CREATE EXTENSION IF NOT EXISTS "pg_graphql" WITH SCHEMA "graphql";
                CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "extensions";
                CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions";
                CREATE EXTENSION IF NOT EXISTS "supabase_vault" WITH SCHEMA "vault";
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA "extensions";
                CREATE TABLE IF NOT EXISTS "public"."app_user_profile" ("id" "uuid" NOT NULL, "email" "text");
                ALTER TABLE "public"."app_user_profile" OWNER TO "postgres";
                ALTER TABLE "public"."app_user_profile" ENABLE ROW LEVEL SECURITY;
                ALTER PUBLICATION "supabase_realtime" OWNER TO "postgres";
                ALTER PUBLICATION "supabase_realtime" ADD TABLE ONLY "public"."app_user_profile";
                GRANT ALL ON TABLE "public"."app_user_profile" TO "anon";
                GRANT ALL ON TABLE "public"."app_user_profile" TO "authenticated";
                GRANT ALL ON TABLE "public"."app_user_profile" TO "service_role";
                GRANT USAGE ON SCHEMA "public" TO "supabase_auth_admin";
                CREATE POLICY "own" ON "public"."app_user_profile" USING (("email" = "auth"."email"()));
                RESET ALL;
                """);
        // After RESET ALL, the search path is Supabase's again: uuid_generate_v4() is found in extensions.
        migration("20250102000000_items.sql", """
                create table public.item (id uuid primary key default uuid_generate_v4());
                alter table public.item enable row level security;
                """);
        MigrationVerifier embedded = new MigrationVerifier(ScratchDatabase::embedded, SupabasePrelude.builtIn());

        VerificationReport report = embedded.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(2, report.applied().size());
        assertEquals(List.of(), report.drift().stream().map(Drift::describe).toList());
    }

    @Test
    void theMigrationsSessionStartsOnSupabasesSearchPathWhateverTheUsersDefaultElsewhere() throws Exception {
        String role = "atdd_public_only_path";
        try (Connection admin = DriverManager.getConnection(Postgres15.adminJdbcUrl(), "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
                    + " create role " + role + " login superuser; end if; end $$;"
                    + " alter role " + role + " set search_path = public;");
        }
        Path preludeFile = project.resolve("prelude.sql");
        Files.writeString(preludeFile, "create table public.k (id uuid default uuid_generate_v4());\n");
        migration("20250101000000_t.sql", "create table public.t (id uuid default uuid_generate_v4());\n"
                + "reset all;\ncreate table public.u (id uuid default uuid_generate_v4());\n");
        MigrationVerifier asRole = new MigrationVerifier(
                () -> ScratchDatabase.onServer(Postgres15.adminJdbcUrl(), role, null),
                SupabasePrelude.builtInThen(SqlScript.read(preludeFile)));

        VerificationReport report = asRole.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(1, report.applied().size());
    }

    @Test
    void whatAPreludeFileSetsForItsSessionHoldsForTheMigrations() throws Exception {
        Path preludeFile = project.resolve("prelude.sql");
        Files.writeString(preludeFile, "create schema app; create table app.lookup (x int);\n"
                + "set search_path to \"$user\", public, extensions, app;\n");
        migration("20250101000000_view.sql", "create view public.v as select x from lookup;\n");
        MigrationVerifier withFile = new MigrationVerifier(
                () -> ScratchDatabase.onServer(Postgres15.adminJdbcUrl(), "postgres", null),
                SupabasePrelude.builtInThen(SqlScript.read(preludeFile)));

        VerificationReport report = withFile.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(1, report.applied().size());
    }

    @Test
    void aMigrationThatDoesNotApplyStopsTheRunAtItsLine() throws Exception {
        migration("20250101000000_ok.sql", "create table public.a (id int);\n");
        migration("20250102000000_broken.sql", "-- second\ncreate table public.b (\n  id int,\n  name tex\n);\n");

        MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                () -> verifier.verify(plan(), MigrationIndex.scan(migrations()), Set.of()));

        assertEquals(1, failure.applied().size());
        assertTrue(failure.failure().file().endsWith("20250102000000_broken.sql"));
        assertEquals(4, failure.failure().line());
        assertTrue(failure.failure().render(project).contains("name tex"), failure.failure().render(project));
    }

    @Test
    void anUnmappableRelationalContractIsRefusedBeforeTheDatabaseStarts() throws Exception {
        contract("billing/invoice/line-item", LINE_ITEM);
        contract("billing/invoice/note", """
                {"x-artifact-metadata": {"persistence": {"strategy": "relational"}},
                 "properties": {"id": {"type": "string"}, "body": {"type": "strng"}, "tags": {"type": "lst"}}}
                """);
        migration("20250101000000_ok.sql", "create table public.a (id int);\n");
        MigrationVerifier withoutDatabase = new MigrationVerifier(
                () -> fail("the database was started although a contract cannot be mapped"), SupabasePrelude.builtIn());
        TablePlan plan = plan();
        PlannedTable.ForContract note = plan.tables().stream().map(PlannedTable.ForContract.class::cast)
                .filter(t -> t.table().equals("billing_invoice_note")).findFirst().orElseThrow();
        List<Problem> expected = assertThrows(InvalidInputException.class, () -> TypeMapping.map(note.contract()))
                .problems();

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> withoutDatabase.verify(plan, MigrationIndex.scan(migrations()), Set.of()));

        assertEquals(expected, refused.problems());
        assertEquals(List.of("/properties/body/type: unknown JSON Schema type \"strng\" (did you mean string?)",
                "/properties/tags/type: unknown JSON Schema type \"lst\""),
                refused.problems().stream().map(Problem::message).toList());
    }

    @Test
    void noMigrationAndNoTableStartsNoDatabase() {
        MigrationVerifier withoutDatabase = new MigrationVerifier(() -> {
            throw new AssertionError("a database was started");
        }, SupabasePrelude.builtIn());

        VerificationReport report = withoutDatabase.verify(plan(), MigrationIndex.scan(migrations()), Set.of());

        assertEquals(new VerificationReport(List.of(), List.of(), List.of(), Set.of(), Map.of()), report);
    }

    private TablePlan plan() {
        return TablePlan.of(ContractCatalog.load(contracts()), Strategy.JSONB, List.of());
    }

    private Path contracts() {
        return project.resolve("contracts");
    }

    private Path migrations() {
        return project.resolve("supabase/migrations");
    }

    private void contract(String key, String json) throws IOException {
        Folders.write(contracts().resolve(key + ".schema.json"), json);
    }

    private void migration(String name, String sql) throws IOException {
        Files.createDirectories(migrations());
        Files.writeString(migrations().resolve(name), sql);
    }
}
