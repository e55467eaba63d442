package io.github.jetcdctl.snapshot.bbolt;

import io.github.jetcdctl.snapshot.SnapshotFormatException;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One logical page (a page and its overflow run), or the page image of an inline bucket. Every accessor checks its
 * offsets against the page bounds and throws {@link SnapshotFormatException} instead of reading outside them.
 */
public final class BoltPage {
    private final long id;
    private final String label;
    private final byte[] buf;
    private final int start;
    private final int end;
    private final int flags;
    private final int count;
    private final long overflow;

    BoltPage(long id, String label, byte[] buf, int start, int end) throws SnapshotFormatException {
        this.id = id;
        this.label = label;
        this.buf = buf;
        this.start = start;
        this.end = end;
        if (end - start < Bolt.PAGE_HEADER_SIZE) {
            throw new SnapshotFormatException(label + ": too short for a page header");
        }
        this.flags = Bolt.u16(buf, start + 8);
        this.count = Bolt.u16(buf, start + 10);
        this.overflow = Bolt.u32(buf, start + 12);
    }

    /** The page id (the id this page was read as, or 0 for inline pages). */
    public long id() {
        return id;
    }

    public int flags() {
        return flags;
    }

    public int count() {
        return count;
    }

    public long overflow() {
        return overflow;
    }

    public boolean isLeaf() {
        return flags == Bolt.FLAG_LEAF;
    }

    public boolean isBranch() {
        return flags == Bolt.FLAG_BRANCH;
    }

    String label() {
        return label;
    }

    static String typeName(int flags) {
        return switch (flags) {
            case Bolt.FLAG_BRANCH -> "branch";
            case Bolt.FLAG_LEAF -> "leaf";
            case Bolt.FLAG_META -> "meta";
            case Bolt.FLAG_FREELIST -> "freelist";
            default -> String.format("unknown<%02x>", flags);
        };
    }

    /** Requires this page to be a branch or a leaf with an element table that fits. */
    void requireTreePage() throws SnapshotFormatException {
        if (flags != Bolt.FLAG_BRANCH && flags != Bolt.FLAG_LEAF) {
            throw new SnapshotFormatException(label + ": invalid type: " + typeName(flags));
        }
        long tableEnd = (long) start + Bolt.PAGE_HEADER_SIZE + (long) count * Bolt.ELEMENT_SIZE;
        if (tableEnd > end) {
            throw new SnapshotFormatException(label + ": " + count + " elements do not fit in " + (end - start) + " bytes");
        }
        if (flags == Bolt.FLAG_BRANCH && count == 0) {
            throw new SnapshotFormatException(label + ": branch page has no elements");
        }
    }

    private int elem(int i) {
        return start + Bolt.PAGE_HEADER_SIZE + i * Bolt.ELEMENT_SIZE;
    }

    /** Leaf element flags. */
    int leafFlags(int i) {
        return (int) Bolt.u32(buf, elem(i));
    }

    private long leafKeyOffset(int i) throws SnapshotFormatException {
        int e = elem(i);
        long pos = Bolt.u32(buf, e + 4);
        long ksize = Bolt.u32(buf, e + 8);
        long vsize = Bolt.u32(buf, e + 12);
        long k = e + pos;
        if (k + ksize + vsize > end) {
            throw new SnapshotFormatException(label + ": leaf element " + i + " (pos " + pos + ", key " + ksize
                    + " bytes, value " + vsize + " bytes) runs past the end of the page");
        }
        return k;
    }

    byte[] leafKey(int i) throws SnapshotFormatException {
        int k = (int) leafKeyOffset(i);
        return Arrays.copyOfRange(buf, k, k + (int) Bolt.u32(buf, elem(i) + 8));
    }

    byte[] leafValue(int i) throws SnapshotFormatException {
        ByteBuffer view = leafValueView(i);
        return Arrays.copyOfRange(buf, view.arrayOffset(), view.arrayOffset() + view.remaining());
    }

    /** The value of leaf element {@code i} as a view of this page's bytes (not a copy: read it, do not change it). */
    ByteBuffer leafValueView(int i) throws SnapshotFormatException {
        int k = (int) leafKeyOffset(i);
        int v = k + (int) Bolt.u32(buf, elem(i) + 8);
        return ByteBuffer.wrap(buf, v, (int) Bolt.u32(buf, elem(i) + 12)).slice();
    }

    byte[] branchKey(int i) throws SnapshotFormatException {
        int e = elem(i);
        long pos = Bolt.u32(buf, e);
        long ksize = Bolt.u32(buf, e + 4);
        long k = e + pos;
        if (k + ksize > end) {
            throw new SnapshotFormatException(label + ": branch element " + i + " (pos " + pos + ", key " + ksize
                    + " bytes) runs past the end of the page");
        }
        return Arrays.copyOfRange(buf, (int) k, (int) (k + ksize));
    }

    long branchChild(int i) {
        return Bolt.u64(buf, elem(i) + 8);
    }

    /** Freelist ids (for a freelist page). */
    long[] freelistIds() throws SnapshotFormatException {
        if (flags != Bolt.FLAG_FREELIST) {
            throw new SnapshotFormatException(label + ": invalid freelist page type: " + typeName(flags));
        }
        long n = count;
        int idx = start + Bolt.PAGE_HEADER_SIZE;
        if (count == 0xFFFF) {
            if (idx + 8 > end) {
                throw new SnapshotFormatException(label + ": freelist count runs past the end of the page");
            }
            n = Bolt.u64(buf, idx);
            idx += 8;
        }
        if (n < 0 || n > (end - idx) / 8) {
            throw new SnapshotFormatException(label + ": freelist of " + Long.toUnsignedString(n)
                    + " ids does not fit in the page");
        }
        long[] ids = new long[(int) n];
        for (int i = 0; i < n; i++) {
            ids[i] = Bolt.u64(buf, idx + 8 * i);
        }
        return ids;
    }
}
