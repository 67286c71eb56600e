package dev.atdd.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputDigestTest {

    private static final Instant LISTED = Instant.parse("2026-11-27T08:00:00Z");
    private static final FileTime AN_HOUR_BEFORE = FileTime.from(LISTED.minusSeconds(3600));
    private static final FileState CART = new FileState(Path.of("/p/contracts/shop/cart/cart.schema.json"), 120,
            AN_HOUR_BEFORE, "(dev=803,ino=11)");
    private static final FileState TABLE = new FileState(Path.of("/p/supabase/migrations/1_cart.sql"), 300,
            AN_HOUR_BEFORE, "(dev=803,ino=12)");

    @Test
    void theSameSettingsAndListingGiveTheSameDigest() {
        assertEquals(digest(List.of("jsonb"), List.of(CART, TABLE)), digest(List.of("jsonb"), List.of(CART, TABLE)));
    }

    @Test
    void anyDifferenceInAFileOrASettingGivesAnotherDigest() {
        String before = digest(List.of("jsonb"), List.of(CART, TABLE));

        List<String> others = List.of(
                digest(List.of("relational"), List.of(CART, TABLE)),
                digest(List.of("jsonb"), List.of(CART)),
                digest(List.of("jsonb"), List.of(TABLE, CART)),
                digest(List.of("jsonb"), List.of(CART, new FileState(Path.of("/p/supabase/migrations/2_cart.sql"),
                        300, AN_HOUR_BEFORE, "(dev=803,ino=12)"))),
                digest(List.of("jsonb"), List.of(CART, new FileState(TABLE.path(), 301, AN_HOUR_BEFORE,
                        TABLE.fileKey()))),
                digest(List.of("jsonb"), List.of(CART, new FileState(TABLE.path(), 300,
                        FileTime.from(LISTED.minusSeconds(3599)), TABLE.fileKey()))),
                digest(List.of("jsonb"), List.of(CART, new FileState(TABLE.path(), 300, AN_HOUR_BEFORE,
                        "(dev=803,ino=13)"))));

        others.forEach(other -> assertNotEquals(before, other));
        assertEquals(others.size(), others.stream().distinct().count());
    }

    @Test
    void whatElseTheListingFoundCounts() {
        String clean = digest(List.of(), List.of(CART));

        String withLoop = InputDigest.of(List.of(), List.of(new Listed(List.of(CART), LISTED,
                List.of("/p/contracts/shop/loop: a symbolic link loop")))).orElseThrow();

        assertNotEquals(clean, withLoop);
    }

    @Test
    void settingsAreNotRunTogether() {
        assertNotEquals(digest(List.of("ab", "c"), List.of()), digest(List.of("a", "bc"), List.of()));
    }

    @Test
    void filesAreNotMovedFromOneListingToAnother() {
        assertNotEquals(InputDigest.of(List.of(), List.of(listed(CART, TABLE), listed())),
                InputDigest.of(List.of(), List.of(listed(CART), listed(TABLE))));
    }

    @Test
    void aFileChangedInTheTwoSecondsBeforeItsListingOrAfterItGetsNoDigest() {
        assertTrue(InputDigest.of(List.of(), List.of(listed(changedAt(LISTED.minusMillis(2001))))).isPresent());
        assertEquals(Optional.empty(), InputDigest.of(List.of(), List.of(listed(changedAt(LISTED.minusMillis(2000))))));
        assertEquals(Optional.empty(), InputDigest.of(List.of(), List.of(listed(changedAt(LISTED.plusSeconds(60))))));
        assertEquals(Optional.empty(), InputDigest.of(List.of(), List.of(listed(CART), listed(changedAt(LISTED)))));
        // Each file is held to its own listing's time.
        assertTrue(InputDigest.of(List.of(), List.of(listed(CART), new Listed(List.of(changedAt(LISTED)),
                LISTED.plusSeconds(3), List.of()))).isPresent());
    }

    private static FileState changedAt(Instant time) {
        return new FileState(TABLE.path(), 300, FileTime.from(time), TABLE.fileKey());
    }

    private static String digest(List<String> settings, List<FileState> files) {
        return InputDigest.of(settings, List.of(new Listed(files, LISTED, List.of()))).orElseThrow();
    }

    private static Listed listed(FileState... files) {
        return new Listed(List.of(files), LISTED, List.of());
    }

    private record Listed(List<FileState> files, Instant listedAt, List<String> remarks) implements FileListing {
    }
}
