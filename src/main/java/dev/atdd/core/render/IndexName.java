package dev.atdd.core.render;

/**
 * The name of an index a migration creates.
 *
 * @param name      as written, at most 63 bytes
 * @param requested the name asked for or derived, before fitting it to 63 bytes
 */
public record IndexName(String name, String requested) {

    public boolean shortened() {
        return !name.equals(requested);
    }
}
