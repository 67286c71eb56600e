package dev.atdd.core.verify;

import dev.atdd.core.LowerCaseName;
import java.util.Locale;

/** What a public table without row level security does to the build. */
public enum RowLevelSecurityCheck {
    FAIL, WARN, OFF;

    /** @throws IllegalArgumentException naming the value when it is none of fail, warn, off */
    public static RowLevelSecurityCheck parse(String text) {
        String wanted = text == null ? "fail" : text.trim().toLowerCase(Locale.ROOT);
        return LowerCaseName.parse(RowLevelSecurityCheck.class, wanted).orElseThrow(() -> new IllegalArgumentException(
                "rowLevelSecurityCheck must be fail, warn or off, found \"" + text + "\""));
    }
}
