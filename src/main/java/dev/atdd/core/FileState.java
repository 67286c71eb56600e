package dev.atdd.core;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A file as its folder listing describes it, without reading it: what a later build compares to tell
 * that nothing changed. An editor's save changes the time (and, saving by a rename, the file key);
 * Git's checkout writes the file anew.
 *
 * @param fileKey the file system's identity of the file (device and inode on Unix), or null where it
 *                has none
 */
public record FileState(Path path, long size, FileTime modified, Object fileKey) {

    public static FileState of(Path path, BasicFileAttributes attributes) {
        return new FileState(path, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }
}
