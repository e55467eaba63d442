package io.github.jetcdctl.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.k8s.EncryptionPrefix;
import io.github.jetcdctl.k8s.StoredValue;

/** Adds keys up into their groups, as a scan reads them; memory grows with the groups, not the keys. */
public final class SpaceTally {
    private final KeyGrouping grouping;
    private final Map<GroupName, GroupTotals> groups = new HashMap<>();
    private final LargestObjects largest;

    public SpaceTally(KeyGrouping grouping, int largestObjects) {
        this.grouping = grouping;
        this.largest = new LargestObjects(largestObjects);
    }

    /** How a value is stored: {@link GroupTotals#PLAINTEXT} or its {@code k8s:enc:...} prefix. */
    public static String storageOf(ByteString value) {
        return EncryptionPrefix.parse(value).map(StoredValue.Encrypted::prefix).orElse(GroupTotals.PLAINTEXT);
    }

    /** A key's current value. */
    public void current(byte[] key, int valueLength, String storage) {
        totals(key).addCurrent(key.length, valueLength, storage);
        largest.offer(key, (long) key.length + valueLength);
    }

    /** One kept revision of a key, {@code storedBytes} as the db holds it. */
    public void revision(byte[] key, long storedBytes) {
        totals(key).addRevision(storedBytes);
    }

    private GroupTotals totals(byte[] key) {
        GroupName name = grouping.groupOf(key);
        GroupTotals totals = groups.get(name);
        if (totals == null) {
            totals = new GroupTotals(name);
            groups.put(name, totals);
        }
        return totals;
    }

    public boolean byNamespace() {
        return grouping.byNamespace();
    }

    List<GroupTotals> groups() {
        return new ArrayList<>(groups.values());
    }

    List<LargeObject> largest() {
        return largest.sorted();
    }
}
