package dev.atdd.core;

import java.util.Locale;
import java.util.Optional;

/** Enum constants as users write them, in poms and contracts: the constant's name in lower case. */
public final class LowerCaseName {

    private LowerCaseName() {
    }

    /** The constant written exactly {@code text}, if any. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** How users write {@code constant}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
