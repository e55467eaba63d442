package io.github.jetcdctl.snapshot.bbolt;

import io.github.jetcdctl.snapshot.SnapshotFormatException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Iterates the entries of one bucket in key order, loading one page per tree level at a time. It checks what bbolt
 * 1.3.11's {@code tx.Check} checks on the way: page types and ids, each page referenced once (which also stops cycles),
 * strictly ascending keys, and keys inside the range their parent branch element allows.
 */
public final class BoltCursor {
    private static final class Frame {
        final BoltPage page;
        final byte[] lower;
        final byte[] upper;
        int index;
        byte[] prevBranchKey;

        Frame(BoltPage page, byte[] lower, byte[] upper) {
            this.page = page;
            this.lower = lower;
            this.upper = upper;
        }
    }

    private final BoltReader reader;
    private final PageTracker tracker;
    private final String bucket;
    private final int nesting;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private byte[] key;
    /** The current value, copied out of its page only when asked for (values are most of a file's bytes). */
    private byte[] value;
    private BoltPage valuePage;
    private int valueIndex;
    private int flags;
    private byte[] lastKey;

    private BoltCursor(BoltReader reader, PageTracker tracker, String bucket, int nesting) {
        this.reader = reader;
        this.tracker = tracker;
        this.bucket = bucket;
        this.nesting = nesting;
    }

    static BoltCursor forRoot(BoltReader r, PageTracker t, long root, String bucket, int nesting) throws IOException {
        BoltCursor c = new BoltCursor(r, t, bucket, nesting);
        c.stack.push(new Frame(c.treePage(root), null, null));
        return c;
    }

    /** A cursor over the bucket whose header (and inline page, if any) is {@code bucketValue}. */
    static BoltCursor forBucketValue(BoltReader r, PageTracker t, byte[] bucketValue, String bucket, int nesting)
            throws IOException {
        if (nesting > BoltReader.MAX_DEPTH) {
            throw new SnapshotFormatException(bucket + ": buckets nested deeper than " + BoltReader.MAX_DEPTH);
        }
        if (bucketValue.length < Bolt.BUCKET_HEADER_SIZE) {
            throw new SnapshotFormatException(bucket + ": bucket header of " + bucketValue.length + " bytes is too short");
        }
        long root = Bolt.u64(bucketValue, 0);
        if (root != 0) {
            return forRoot(r, t, root, bucket, nesting);
        }
        BoltCursor c = new BoltCursor(r, t, bucket, nesting);
        BoltPage p = new BoltPage(0, bucket + " (inline page)", bucketValue, Bolt.BUCKET_HEADER_SIZE, bucketValue.length);
        if (!p.isLeaf()) {
            throw new SnapshotFormatException(p.label() + ": invalid type: " + BoltPage.typeName(p.flags()));
        }
        p.requireTreePage();
        c.stack.push(new Frame(p, null, null));
        return c;
    }

    private BoltPage treePage(long pgid) throws IOException {
        BoltPage p = reader.readPage(pgid);
        tracker.mark(pgid, p.overflow());
        p.requireTreePage();
        return p;
    }

    /** Advances to the next entry; false at the end of the bucket. */
    public boolean next() throws IOException {
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            BoltPage p = f.page;
            if (f.index >= p.count()) {
                stack.pop();
                continue;
            }
            int i = f.index++;
            if (p.isLeaf()) {
                byte[] k = p.leafKey(i);
                checkRange(k, f, p, i);
                if (lastKey != null && Bolt.compare(k, lastKey) <= 0) {
                    throw new SnapshotFormatException(bucket + ": key[" + i + "]=(hex)" + Bolt.hex(k) + " on "
                            + p.label() + " needs to be > than previous element (hex)" + Bolt.hex(lastKey));
                }
                lastKey = k;
                key = k;
                flags = p.leafFlags(i);
                value = null;
                valuePage = p;
                valueIndex = i;
                return true;
            }
            byte[] k = p.branchKey(i);
            checkRange(k, f, p, i);
            if (f.prevBranchKey != null && Bolt.compare(k, f.prevBranchKey) <= 0) {
                throw new SnapshotFormatException(bucket + ": branch key[" + i + "]=(hex)" + Bolt.hex(k) + " on "
                        + p.label() + " needs to be > than previous element (hex)" + Bolt.hex(f.prevBranchKey));
            }
            f.prevBranchKey = k;
            byte[] upper = i + 1 < p.count() ? p.branchKey(i + 1) : f.upper;
            if (stack.size() >= BoltReader.MAX_DEPTH) {
                throw new SnapshotFormatException(bucket + ": B+tree deeper than " + BoltReader.MAX_DEPTH + " levels");
            }
            long child = p.branchChild(i);
            if (child < 2 || child >= reader.meta().pgid()) {
                throw new SnapshotFormatException(p.label() + ": branch element " + i + " points to page "
                        + Long.toUnsignedString(child) + ", outside [2, " + reader.meta().pgid() + ")");
            }
            stack.push(new Frame(treePage(child), k, upper));
        }
        key = null;
        value = null;
        valuePage = null;
        return false;
    }

    private void checkRange(byte[] k, Frame f, BoltPage p, int i) throws SnapshotFormatException {
        if (f.lower != null && Bolt.compare(k, f.lower) < 0) {
            throw new SnapshotFormatException(bucket + ": key[" + i + "]=(hex)" + Bolt.hex(k) + " on " + p.label()
                    + " is below its parent branch key (hex)" + Bolt.hex(f.lower));
        }
        if (f.upper != null && Bolt.compare(k, f.upper) >= 0) {
            throw new SnapshotFormatException(bucket + ": key[" + i + "]=(hex)" + Bolt.hex(k) + " on " + p.label()
                    + " is not below the next parent branch key (hex)" + Bolt.hex(f.upper));
        }
    }

    /** The current key (a fresh copy). */
    public byte[] key() {
        return key;
    }

    /** The current value (for a nested bucket: its header, plus its page image if inline). */
    public byte[] value() throws SnapshotFormatException {
        if (value == null && valuePage != null) {
            value = valuePage.leafValue(valueIndex);
        }
        return value;
    }

    /**
     * The current value as a view of its page, without copying it. The view is writable so that checksums can
     * read it in place; changing it would corrupt the rest of the walk, so callers only read.
     */
    public java.nio.ByteBuffer valueView() throws SnapshotFormatException {
        if (valuePage == null) {
            return null;
        }
        return valuePage.leafValueView(valueIndex);
    }

    /** The raw leaf element flags of the current entry. */
    public int flags() {
        return flags;
    }

    public boolean isBucket() {
        return (flags & Bolt.LEAF_FLAG_BUCKET) != 0;
    }

    /** A cursor over the nested bucket at the current entry, sharing this cursor's page tracker. */
    public BoltCursor bucketCursor() throws IOException {
        if (key == null || !isBucket()) {
            throw new IllegalStateException("the current entry is not a bucket");
        }
        String name = nesting == 0 ? "bucket " + printable(key) : bucket + "/" + printable(key);
        return forBucketValue(reader, tracker, value(), name, nesting + 1);
    }

    /** Seeks forward (from the current position) to the entry with exactly this key; false if absent. */
    public boolean seekForward(byte[] target) throws IOException {
        while (next()) {
            int c = Bolt.compare(key, target);
            if (c == 0) {
                return true;
            }
            if (c > 0) {
                return false;
            }
        }
        return false;
    }

    static String printable(byte[] k) {
        boolean ascii = k.length <= 64;
        for (byte b : k) {
            if (b < 0x20 || b > 0x7e) {
                ascii = false;
                break;
            }
        }
        return ascii ? new String(k, java.nio.charset.StandardCharsets.US_ASCII) : "(hex)" + Bolt.hex(k);
    }
}
