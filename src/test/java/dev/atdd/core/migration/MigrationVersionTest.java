package dev.atdd.core.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationVersionTest {

    private static final Instant NOW = Instant.parse("2024-03-15T10:20:30.999Z");

    @Test
    void versionIsUtcToTheSecond() {
        assertEquals("20240315102030", MigrationVersion.of(NOW));
        assertEquals("20240315102030", MigrationVersion.next(null, NOW));
    }

    @ParameterizedTest
    @CsvSource({
            "20240315102029, 20240315102030",   // older: now wins
            "001, 20240315102030",              // the CLI runs 001_x.sql before any timestamp
            "202403151020301, 20240315102030",  // and 202403151020301_x.sql before 20240315102030_y.sql
            "20240315102030, 20240315102031",   // same second
            "20240315102059, 20240315102100",   // clock behind, across a minute
            "20240315235959, 20240316000000",   // across a day
            "20241231235959, 20250101000000",   // across a year
            "20280228235959, 20280229000000"    // into a leap day
    })
    void nextIsNowOrTheSecondAfterTheLatest(String latest, String expected) {
        assertEquals(expected, MigrationVersion.next(latest, NOW));
    }

    @Test
    void allocatesConsecutiveUniqueVersions() {
        assertEquals(List.of("20240315102030", "20240315102031", "20240315102032"),
                MigrationVersion.allocate(null, NOW, 3));
        assertEquals(List.of("20240315102100", "20240315102101"),
                MigrationVersion.allocate("20240315102059", NOW, 2));
        assertEquals(List.of(), MigrationVersion.allocate(null, NOW, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20241399000000", "2024031510203199", "99999999999999999", "99991231235959", "9", "3"})
    void noTimestampCanFollowAnInvalidOrLastLatestThatIsNotBeforeNow(String latest) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MigrationVersion.next(latest, NOW));
        assertTrue(e.getMessage().contains(latest), e.getMessage());
        assertTrue(latest.length() == 14 || e.getMessage().contains("in the Supabase CLI's order (by file name"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024a", "-1"})
    void latestMustBeDigits(String latest) {
        assertThrows(IllegalArgumentException.class, () -> MigrationVersion.next(latest, NOW));
    }

    @ParameterizedTest
    @CsvSource({"9, 10, 1", "1, 10, 1", "007, 7, -1", "20240101000000, 20231231235959, 1", "0, 00, 1", "7, 7, 0",
            "9, 20240101000000, 1", "123, 20240101000000, -1"})
    void comparesAsTheSupabaseCliOrdersTheFiles(String a, String b, int sign) {
        assertEquals(sign, Integer.signum(MigrationVersion.compare(a, b)));
    }

    @Test
    void timestampsAreStrict() {
        assertTrue(MigrationVersion.isTimestamp("20240229235959"));
        assertFalse(MigrationVersion.isTimestamp("20230229000000"));
        assertFalse(MigrationVersion.isTimestamp("2024022900000"));
    }
}
