package dev.atdd.core.migration;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The named indexes of {@code public} that the migrations made, each with the relation it is on: an
 * index lives in its relation's schema, is renamed on its own and goes when the relation is dropped or
 * moved. Kept by relation too, so that a rename, drop or move of a relation costs its own indexes only.
 */
final class PublicIndexes {

    private record PublicIndex(String relation, TableOrigin origin) {
    }

    private final Map<String, PublicIndex> byName = new HashMap<>();
    private final Map<String, Set<String>> byRelation = new HashMap<>();
    /**
     * Whether the migrations made a partition: an index on a partitioned table takes along the indexes of
     * its partitions that it adopted, which are not followed.
     */
    private boolean partitionsMade;

    /** A second {@code CREATE INDEX} of a name fails (or, with {@code IF NOT EXISTS}, is skipped): the first stays. */
    void create(String name, String relation, TableOrigin origin) {
        if (byName.putIfAbsent(name, new PublicIndex(relation, origin)) == null) {
            byRelation.computeIfAbsent(relation, key -> new HashSet<>()).add(name);
        }
    }

    /** @return whether {@code name} was an index the migrations made (and now is {@code renamed}) */
    boolean rename(String name, String renamed) {
        PublicIndex index = byName.get(name);
        if (index == null) {
            return false;
        }
        drop(name);
        create(renamed, index.relation(), index.origin());
        return true;
    }

    void partitionMade() {
        partitionsMade = true;
    }

    /** {@code DROP INDEX}: once partitions exist, every name goes, as the index may have taken others along. */
    void dropIndex(String name) {
        if (partitionsMade) {
            clear();
        } else {
            drop(name);
        }
    }

    void drop(String name) {
        PublicIndex index = byName.remove(name);
        if (index != null) {
            Set<String> onRelation = byRelation.get(index.relation());
            onRelation.remove(name);
            if (onRelation.isEmpty()) {
                byRelation.remove(index.relation());
            }
        }
    }

    /** The relation's indexes keep their names and follow it. */
    void renameRelation(String relation, String renamed) {
        Set<String> names = byRelation.remove(relation);
        if (names == null) {
            return;
        }
        for (String name : names) {
            byName.computeIfPresent(name, (key, index) -> new PublicIndex(renamed, index.origin()));
        }
        byRelation.merge(renamed, names, (held, moved) -> {
            held.addAll(moved);
            return held;
        });
    }

    /** The relation's indexes went with it (dropped, moved to another schema, or maybe so). */
    void dropOn(String relation) {
        Set<String> names = byRelation.remove(relation);
        if (names != null) {
            names.forEach(byName::remove);
        }
    }

    /** Neither an index of this name nor the indexes of a relation of this name are held any more. */
    void forget(String name) {
        drop(name);
        dropOn(name);
    }

    void clear() {
        byName.clear();
        byRelation.clear();
    }

    /** Where each index was made, by name. */
    Map<String, TableOrigin> origins() {
        Map<String, TableOrigin> origins = new HashMap<>();
        byName.forEach((name, index) -> origins.put(name, index.origin()));
        return origins;
    }
}
