package io.github.jetcdctl.recovery;

import io.github.jetcdctl.snapshot.SnapshotFormatException;

/**
 * A key of etcd's {@code key} bucket: the main revision and the sub revision (8 bytes each, big-endian) joined by
 * '_', and a trailing 't' when the record is a tombstone (the key was deleted at this revision).
 */
public record Revision(long main, long sub, boolean tombstone) implements Comparable<Revision> {
    static final int LENGTH = 17;

    public static Revision parse(byte[] key) throws SnapshotFormatException {
        boolean tombstone = key.length == LENGTH + 1 && key[LENGTH] == 't';
        if ((key.length != LENGTH && !tombstone) || key[8] != '_') {
            throw new SnapshotFormatException("key bucket holds a malformed revision key of " + key.length + " bytes");
        }
        return new Revision(bigEndian(key, 0), bigEndian(key, 9), tombstone);
    }

    static long bigEndian(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    /** In the key bucket's order: by main, then sub revision. */
    @Override
    public int compareTo(Revision other) {
        int byMain = Long.compare(main, other.main);
        return byMain != 0 ? byMain : Long.compare(sub, other.sub);
    }
}
