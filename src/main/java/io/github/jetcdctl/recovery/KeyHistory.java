package io.github.jetcdctl.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KeyValue;

/**
 * The time line of a key or a range of keys merged from any number of sources: each change (a main revision of
 * one key) once, with every source that holds it. Within one revision (a transaction), keys are in key order.
 */
public final class KeyHistory {
    private static final Comparator<ByteString> KEY_ORDER = ByteString.unsignedLexicographicalComparator();
    private static final Comparator<Change> ORDER = Comparator.comparingLong(Change::revision)
            .thenComparing(Change::key, KEY_ORDER);

    private record Change(long revision, ByteString key) {
    }

    private final Map<Change, Found> changes = new TreeMap<>(ORDER);
    private final Map<String, Long> compactRevisions = new LinkedHashMap<>();

    private static final class Found {
        final KeyValue kv;
        final boolean delete;
        final List<String> sources = new ArrayList<>();

        Found(KeyValue kv, boolean delete) {
            this.kv = kv;
            this.delete = delete;
        }
    }

    /** Adds a change seen in {@code source}; one already known only gains the source. */
    public void add(String source, long revision, KeyValue kv, boolean delete) {
        Found found = changes.computeIfAbsent(new Change(revision, kv.getKey()), c -> new Found(kv, delete));
        if (!found.sources.contains(source)) {
            found.sources.add(source);
        }
    }

    /** Records how far back {@code source} reaches: changes before its compaction may be missing from it. */
    public void sourceRead(String source, long compactRevision) {
        compactRevisions.put(source, compactRevision);
    }

    /** Every source read, with its compact revision (0: it holds every revision since the first). */
    public Map<String, Long> sources() {
        return Map.copyOf(compactRevisions);
    }

    /** Sources in the order they were read. */
    public List<String> sourceNames() {
        return List.copyOf(compactRevisions.keySet());
    }

    public long compactRevision(String source) {
        return compactRevisions.getOrDefault(source, 0L);
    }

    /** The whole time line, oldest first. */
    public List<HistoryEntry> entries() {
        List<HistoryEntry> all = new ArrayList<>(changes.size());
        changes.forEach((c, f) -> all.add(new HistoryEntry(c.revision(), f.kv, f.delete, f.sources)));
        return all;
    }

    /** The entries of the keys whose newest known change is a delete: what was lost. */
    public List<HistoryEntry> deletedKeys() {
        Map<ByteString, Boolean> deletedLast = new TreeMap<>(KEY_ORDER);
        changes.forEach((c, f) -> deletedLast.put(c.key(), f.delete));
        List<HistoryEntry> kept = new ArrayList<>();
        for (HistoryEntry e : entries()) {
            if (deletedLast.get(e.kv().getKey())) {
                kept.add(e);
            }
        }
        return kept;
    }

    /**
     * What to bring back, one put per key in key order: each key's newest change at or before {@code revision}
     * when it is a put (a key deleted by then has nothing to bring back), or with {@code revision} 0 each key's
     * newest put, the value it had before it was deleted.
     */
    public List<HistoryEntry> chosen(long revision) {
        Map<ByteString, HistoryEntry> byKey = new TreeMap<>(KEY_ORDER);
        for (HistoryEntry e : entries()) {
            if (revision > 0 && e.revision() > revision) {
                break;
            }
            if (revision > 0 || !e.delete()) {
                byKey.put(e.kv().getKey(), e);
            }
        }
        List<HistoryEntry> chosen = new ArrayList<>();
        byKey.values().forEach(e -> {
            if (!e.delete()) {
                chosen.add(e);
            }
        });
        return chosen;
    }

    /** The newest change known of {@code key}, or null. */
    public HistoryEntry newest(ByteString key) {
        HistoryEntry found = null;
        for (HistoryEntry e : entries()) {
            if (e.kv().getKey().equals(key)) {
                found = e;
            }
        }
        return found;
    }
}
