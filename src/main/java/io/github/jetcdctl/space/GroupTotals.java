package io.github.jetcdctl.space;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one group holds: its current keys and values, how they are stored (plaintext or under which encryption
 * prefix), and (offline) every kept revision of its keys, deleted keys included.
 */
public final class GroupTotals {
    /** The label of values not encrypted at rest. */
    public static final String PLAINTEXT = "plaintext";

    private final GroupName name;
    private long keys;
    private long keyBytes;
    private long valueBytes;
    private long revisions;
    private long historyBytes;
    private final Map<String, Long> storedAs = new TreeMap<>();

    GroupTotals(GroupName name) {
        this.name = name;
    }

    void addCurrent(int keyLength, int valueLength, String storage) {
        keys++;
        keyBytes += keyLength;
        valueBytes += valueLength;
        storedAs.merge(storage, 1L, Long::sum);
    }

    void addRevision(long storedBytes) {
        revisions++;
        historyBytes += storedBytes;
    }

    public GroupName name() {
        return name;
    }

    public long keys() {
        return keys;
    }

    public long keyBytes() {
        return keyBytes;
    }

    public long valueBytes() {
        return valueBytes;
    }

    /** Keys and current values. */
    public long currentBytes() {
        return keyBytes + valueBytes;
    }

    /** Kept revisions (offline only; 0 live): each put and each deletion since the last compaction. */
    public long revisions() {
        return revisions;
    }

    /** What the kept revisions take in the db: their revision keys and stored key-values (offline only). */
    public long historyBytes() {
        return historyBytes;
    }

    /** Current values per storage: {@link #PLAINTEXT} or an encryption prefix such as k8s:enc:aescbc:v1:key1. */
    public Map<String, Long> storedAs() {
        return Collections.unmodifiableMap(storedAs);
    }

    public long plaintextValues() {
        return storedAs.getOrDefault(PLAINTEXT, 0L);
    }
}
