package io.github.jetcdctl.snapshot.bbolt;

import java.io.IOException;

/** Streams every bucket and key/value of a bbolt file into a {@link BoltWriter} (a compacting copy). */
public final class BoltCopy {
    private BoltCopy() {
    }

    /** Copies all buckets of {@code r} into {@code w} (which must be at the top level); does not finish {@code w}. */
    public static void copyAll(BoltReader r, BoltWriter w) throws IOException {
        copyAll(r, r.newTracker(), w);
    }

    /** The same, recording in {@code tracker} every page the copy reads. */
    public static void copyAll(BoltReader r, PageTracker tracker, BoltWriter w) throws IOException {
        BoltCursor c = r.rootCursor(tracker);
        while (c.next()) {
            if (!c.isBucket()) {
                throw new io.github.jetcdctl.snapshot.SnapshotFormatException(
                        "root bucket holds a plain key (hex)" + Bolt.hex(c.key()) + "; only buckets are allowed there");
            }
            copyBucket(c, w);
        }
    }

    /** Copies the bucket at the cursor's current entry (name, sequence and contents, recursively). */
    public static void copyBucket(BoltCursor at, BoltWriter w) throws IOException {
        w.beginBucket(at.key(), Bolt.u64(at.value(), 8));
        copyContents(at.bucketCursor(), w);
        w.endBucket();
    }

    /** Copies the remaining entries of {@code c} into the writer's current bucket. */
    public static void copyContents(BoltCursor c, BoltWriter w) throws IOException {
        while (c.next()) {
            if (c.isBucket()) {
                copyBucket(c, w);
            } else {
                w.put(c.key(), c.value());
            }
        }
    }
}
