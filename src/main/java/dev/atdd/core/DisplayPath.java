package dev.atdd.core;

import java.nio.file.Path;

/** A path as a user reads it in a message: relative to the project when inside it, with {@code /}. */
public final class DisplayPath {

    private DisplayPath() {
    }

    public static String of(Path base, Path file) {
        Path shown = file;
        if (base != null) {
            Path absolute = file.toAbsolutePath().normalize();
            Path root = base.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                shown = root.relativize(absolute);
            }
        }
        return shown.toString().replace('\\', '/');
    }
}
