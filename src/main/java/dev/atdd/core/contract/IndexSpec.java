package dev.atdd.core.contract;

import java.util.List;

/** One entry of {@code x-artifact-metadata.persistence.indexes}. */
public record IndexSpec(String name, IndexMethod method, List<String> fields, String pointer) {

    public IndexSpec {
        fields = List.copyOf(fields);
    }

    public enum IndexMethod { BTREE, GIN, GIST, HASH }
}
