package io.github.jetcdctl.snapshot.bbolt;

import io.github.jetcdctl.snapshot.SnapshotFormatException;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only access to a bbolt file through positional reads on a {@link FileChannel}: no locking, no memory mapping,
 * and no more of the file in the heap than the pages currently being visited.
 */
public final class BoltReader implements Closeable {
    /** Largest logical page (page plus overflow run) this reader will load. */
    public static final long MAX_LOGICAL_PAGE = 1L << 30;
    /** Deepest B+tree or bucket nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private final FileChannel channel;
    private final boolean ownsChannel;
    private final long limit;
    private final BoltMeta meta;
    private final BoltMeta otherMeta;
    private final int pageSize;

    private BoltReader(FileChannel channel, boolean owns, long limit, BoltMeta meta, BoltMeta other) {
        this.channel = channel;
        this.ownsChannel = owns;
        this.limit = limit;
        this.meta = meta;
        this.otherMeta = other;
        this.pageSize = (int) meta.pageSize();
    }

    /**
     * The file cannot hold two pages. Its {@link #etcdutlMessage()} is bbolt 1.3's (etcdutl 3.5); bbolt 1.4 (etcdutl
     * 3.6 and later) appends {@link #fileSize()}.
     */
    public static final class FileTooSmallException extends SnapshotFormatException {
        private static final long serialVersionUID = 1L;
        private final long fileSize;

        FileTooSmallException(long fileSize, long pageSize) {
            super("invalid database: file size too small (" + fileSize + " bytes, page size " + pageSize + ")",
                    "file size too small");
            this.fileSize = fileSize;
        }

        public long fileSize() {
            return fileSize;
        }
    }

    /** Opens a bbolt file (or a snapshot: a trailer after the last page is ignored) read-only, without locking. */
    public static BoltReader open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return open(ch, ch.size(), true);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Opens the bbolt image held in the first {@code limit} bytes of {@code channel}.
     *
     * @param owns whether {@link #close()} closes the channel
     */
    public static BoltReader open(FileChannel channel, long limit, boolean owns) throws IOException {
        if (limit <= 0) {
            throw new SnapshotFormatException("invalid database: the file is empty", "invalid database");
        }
        if (limit <= 2048) {
            throw new SnapshotFormatException("invalid database: the file is only " + limit
                    + " bytes, shorter than a meta page", "invalid database");
        }
        if (limit < 4096) {
            // bbolt reads a meta page at 1 KiB whole or up to the end; it does not validate, so bbolt takes the
            // OS page size, and two of those do not fit
            throw new FileTooSmallException(limit, 4096);
        }
        byte[] first = new byte[4096];
        readFully(channel, ByteBuffer.wrap(first), 0);
        BoltMeta m0 = BoltMeta.parse(0, first, Bolt.PAGE_HEADER_SIZE);
        String err0 = m0.validationError();
        if (err0 == null && !Bolt.isValidPageSize(m0.pageSize())) {
            err0 = "invalid database";
        }
        long pageSize;
        BoltMeta m1 = null;
        if (err0 == null) {
            pageSize = m0.pageSize();
            m1 = readMeta1(channel, limit, pageSize);
        } else {
            // bbolt falls back to the OS page size; try the usual ones and keep the one whose meta 1 validates.
            pageSize = 4096;
            for (int ps : Bolt.CANDIDATE_PAGE_SIZES) {
                BoltMeta cand = readMeta1(channel, limit, ps);
                if (cand != null && cand.isValid() && cand.pageSize() == ps) {
                    pageSize = ps;
                    m1 = cand;
                    break;
                }
            }
            if (m1 == null) {
                m1 = readMeta1(channel, limit, 4096);
            }
        }
        if (limit < 2 * pageSize) {
            throw new FileTooSmallException(limit, pageSize);
        }
        String err1 = m1 == null ? "invalid database" : m1.validationError();
        if (err1 == null && m1.pageSize() != pageSize) {
            err1 = "invalid database";
        }
        BoltMeta chosen;
        BoltMeta other;
        if (err0 == null && err1 == null) {
            boolean first0 = Long.compareUnsigned(m0.txid(), m1.txid()) >= 0;
            chosen = first0 ? m0 : m1;
            other = first0 ? m1 : m0;
        } else if (err0 == null) {
            chosen = m0;
            other = null;
        } else if (err1 == null) {
            chosen = m1;
            other = null;
        } else {
            throw new SnapshotFormatException(err0 + ": neither meta page is valid (meta 0: " + err0 + ", meta 1: "
                    + err1 + ")", err0);
        }
        checkMeta(chosen, limit);
        return new BoltReader(channel, owns, limit, chosen, other);
    }

    private static BoltMeta readMeta1(FileChannel ch, long limit, long pageSize) throws IOException {
        if (pageSize + Bolt.PAGE_HEADER_SIZE + Bolt.META_SIZE > limit) {
            return null;
        }
        byte[] b = new byte[Bolt.PAGE_HEADER_SIZE + Bolt.META_SIZE];
        readFully(ch, ByteBuffer.wrap(b), pageSize);
        return BoltMeta.parse(1, b, Bolt.PAGE_HEADER_SIZE);
    }

    private static void checkMeta(BoltMeta m, long limit) throws SnapshotFormatException {
        long ps = m.pageSize();
        long pgid = m.pgid();
        if (pgid < 3 || pgid > limit / ps) {
            if (pgid >= 3 && Long.compareUnsigned(pgid, Long.MAX_VALUE / ps) < 0) {
                throw new SnapshotFormatException("snapshot file is truncated: meta " + m.page() + " says " + pgid
                        + " pages of " + ps + " bytes (" + pgid * ps + " bytes) but only " + limit + " bytes exist");
            }
            throw new SnapshotFormatException("invalid database: meta " + m.page() + " has an impossible page count "
                    + Long.toUnsignedString(pgid));
        }
        if (m.root() < 2 || m.root() >= pgid) {
            throw new SnapshotFormatException("invalid database: meta " + m.page() + " root page "
                    + Long.toUnsignedString(m.root()) + " is outside [2, " + pgid + ")");
        }
        if (m.hasFreelist() && (m.freelist() < 2 || m.freelist() >= pgid)) {
            throw new SnapshotFormatException("invalid database: meta " + m.page() + " freelist page "
                    + Long.toUnsignedString(m.freelist()) + " is outside [2, " + pgid + ")");
        }
    }

    static void readFully(FileChannel ch, ByteBuffer bb, long pos) throws IOException {
        while (bb.hasRemaining()) {
            int n = ch.read(bb, pos);
            if (n < 0) {
                throw new EOFException("unexpected end of file at offset " + pos);
            }
            pos += n;
        }
    }

    /** The meta page in use (the valid one with the higher txid). */
    public BoltMeta meta() {
        return meta;
    }

    /** The other meta page if it is valid too, else null. */
    public BoltMeta otherMeta() {
        return otherMeta;
    }

    public int pageSize() {
        return pageSize;
    }

    /** {@code meta.pgid × pageSize}. */
    public long totalSize() {
        return meta.totalSize();
    }

    /** Reads logical page {@code pgid} with its overflow run, checking its header against its position. */
    public BoltPage readPage(long pgid) throws IOException {
        if (pgid < 0 || pgid >= meta.pgid()) {
            throw new SnapshotFormatException("page " + Long.toUnsignedString(pgid) + ": out of bounds (high-water mark "
                    + meta.pgid() + ")");
        }
        long off = pgid * pageSize;
        // one read for the usual single page; a second one only for the rest of an overflow run
        byte[] first = new byte[(int) Math.min(pageSize, limit - off)];
        readFully(channel, ByteBuffer.wrap(first), off);
        if (first.length < Bolt.PAGE_HEADER_SIZE) {
            throw new SnapshotFormatException("page " + pgid + ": runs past the end of the file");
        }
        long id = Bolt.u64(first, 0);
        if (id != pgid) {
            throw new SnapshotFormatException("page " + pgid + ": header identifies it as page " + Long.toUnsignedString(id));
        }
        long overflow = Bolt.u32(first, 12);
        if (pgid + overflow >= meta.pgid()) {
            throw new SnapshotFormatException("page " + pgid + ": overflow run of " + overflow
                    + " pages runs past the high-water mark " + meta.pgid());
        }
        long len = (overflow + 1) * pageSize;
        if (len > MAX_LOGICAL_PAGE) {
            throw new SnapshotFormatException("page " + pgid + ": overflow run of " + len + " bytes is too large");
        }
        byte[] buf = first;
        if (len > first.length) {
            buf = java.util.Arrays.copyOf(first, (int) len);
            readFully(channel, ByteBuffer.wrap(buf, first.length, buf.length - first.length), off + first.length);
        }
        return new BoltPage(pgid, "page " + pgid, buf, 0, buf.length);
    }

    /**
     * The largest key of the bucket whose raw value (header, plus the page image if inline) is given, reading only
     * the tree's rightmost path; null for an empty bucket.
     */
    public byte[] lastKey(byte[] bucketValue) throws IOException {
        if (bucketValue.length < Bolt.BUCKET_HEADER_SIZE) {
            throw new SnapshotFormatException("bucket header of " + bucketValue.length + " bytes is too short");
        }
        long root = Bolt.u64(bucketValue, 0);
        BoltPage p = root == 0
                ? new BoltPage(0, "inline page", bucketValue, Bolt.BUCKET_HEADER_SIZE, bucketValue.length)
                : readPage(root);
        for (int depth = 0; ; depth++) {
            if (depth > MAX_DEPTH) {
                throw new SnapshotFormatException(p.label() + ": B+tree deeper than " + MAX_DEPTH + " levels");
            }
            p.requireTreePage();
            if (p.count() == 0) {
                return null;
            }
            if (p.isLeaf()) {
                return p.leafKey(p.count() - 1);
            }
            long child = p.branchChild(p.count() - 1);
            if (child < 2 || child >= meta.pgid()) {
                throw new SnapshotFormatException(p.label() + ": last branch element points to page "
                        + Long.toUnsignedString(child) + ", outside [2, " + meta.pgid() + ")");
            }
            p = readPage(child);
        }
    }

    /** A fresh tracker for one walk over the file. */
    public PageTracker newTracker() {
        return new PageTracker(meta.pgid());
    }

    /** A cursor over the root bucket (the top-level bucket names), with a fresh page tracker. */
    public BoltCursor rootCursor() throws IOException {
        return rootCursor(newTracker());
    }

    public BoltCursor rootCursor(PageTracker tracker) throws IOException {
        return BoltCursor.forRoot(this, tracker, meta.root(), "root bucket", 0);
    }

    /** Walks every bucket and key in order (depth-first, nested buckets included). */
    public void walk(BoltVisitor visitor) throws IOException {
        walk(visitor, newTracker());
    }

    public void walk(BoltVisitor visitor, PageTracker tracker) throws IOException {
        walkBucket(rootCursor(tracker), 0, visitor);
    }

    private void walkBucket(BoltCursor c, int depth, BoltVisitor v) throws IOException {
        while (c.next()) {
            if (c.isBucket()) {
                byte[] name = c.key();
                if (v.beginBucket(depth + 1, name)) {
                    walkBucket(c.bucketCursor(), depth + 1, v);
                } else {
                    // still walk it, so that the page tracker sees every reachable page
                    walkBucket(c.bucketCursor(), depth + 1, BoltVisitor.NONE);
                }
                v.endBucket(depth + 1, name);
            } else {
                v.keyValue(depth, c.key(), c.valueView());
            }
        }
    }

    /**
     * bbolt's {@code tx.Check} errors that are not structural (structural damage throws
     * {@link SnapshotFormatException} during the walk): with a persisted freelist, pages neither reachable nor free,
     * and reachable pages that are also free. Call after a full walk with {@code tracker}.
     */
    public List<String> freelistErrors(PageTracker tracker) throws IOException {
        List<String> errors = new ArrayList<>();
        if (!meta.hasFreelist()) {
            return errors; // the free set is by definition the unreachable set
        }
        BoltPage fl = readPage(meta.freelist());
        long[] ids = fl.freelistIds();
        java.util.BitSet free = new java.util.BitSet();
        for (long id : ids) {
            if (id < 2 || id >= meta.pgid()) {
                errors.add("page " + Long.toUnsignedString(id) + ": out of bounds: " + meta.pgid());
                continue;
            }
            free.set((int) id);
        }
        java.util.BitSet fixed = new java.util.BitSet();
        fixed.set(0);
        fixed.set(1);
        for (long p = meta.freelist(); p <= meta.freelist() + fl.overflow(); p++) {
            fixed.set((int) p);
        }
        for (long p = 0; p < meta.pgid(); p++) {
            int i = (int) p;
            boolean reached = tracker.isReached(p) || fixed.get(i);
            if (tracker.isReached(p) && free.get(i)) {
                errors.add("page " + p + ": reachable freed");
            }
            if (!reached && !free.get(i)) {
                errors.add("page " + p + ": unreachable unfreed");
            }
        }
        return errors;
    }

    /**
     * The pages bbolt counts as free when it opens this file for writing (its {@code Stats().FreePageN}): the ids in
     * the persisted freelist, or, with none persisted (etcd's files), every page from 2 below the high-water mark
     * that the walk with {@code tracker} did not reach. Call after a full walk.
     */
    public long freePageCount(PageTracker tracker) throws IOException {
        if (meta.hasFreelist()) {
            return readPage(meta.freelist()).freelistIds().length;
        }
        return meta.pgid() - 2 - tracker.reachedCount();
    }

    /** Runs the whole integrity check: a full walk, then the freelist comparison. Returns the non-structural errors. */
    public List<String> check() throws IOException {
        PageTracker t = newTracker();
        walk(BoltVisitor.NONE, t);
        return freelistErrors(t);
    }

    long limit() {
        return limit;
    }

    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }
}
