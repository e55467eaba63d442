package io.github.jetcdctl.snapshot.bbolt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes a fresh, compact bbolt file from a stream of buckets and key/values given in ascending key order, or a new
 * root tree on top of an existing file's pages ({@link #appendTo}: a copy-on-write commit that keeps untouched
 * buckets where they are).
 *
 * <p>Memory stays bounded: each open bucket keeps at most one pending leaf page and one pending branch page per tree
 * level; finished pages go to disk at once with sequentially allocated ids. Small buckets without nested buckets are
 * stored inline (bbolt's rule: {@code 16 + Σ(16 + |k| + |v|) ≤ pageSize / 4}); values that do not fit in a page get
 * an overflow run. By default no freelist is persisted ({@code meta.freelist = 0xFFFF…}), as etcd does.
 *
 * <pre>
 * try (BoltWriter w = BoltWriter.create(path, 4096)) {
 *     w.beginBucket(name);  w.put(k, v); ...  w.endBucket();
 *     ...
 *     w.finish(txid);
 * }
 * </pre>
 */
public final class BoltWriter implements Closeable {
    /** bbolt's maximum key length. */
    public static final int MAX_KEY_SIZE = 32768;
    /** bbolt's maximum value length. */
    public static final long MAX_VALUE_SIZE = (1L << 31) - 2;
    private static final int MAX_ELEMENTS = 65534;

    private record Item(int flags, byte[] key, byte[] value) {
    }

    private record Ref(byte[] key, long pgid) {
    }

    private final class BranchLevel {
        final List<Ref> pending = new ArrayList<>();
        long size = Bolt.PAGE_HEADER_SIZE;
        long flushed;

        void add(Ref r, List<BranchLevel> levels, int lvl) throws IOException {
            long sz = Bolt.ELEMENT_SIZE + r.key.length;
            // at least two children per branch page (it may overflow instead), so that every level is at most half
            // the size of the one below and the tree converges to a single root
            if (pending.size() >= 2 && (size + sz > pageSize || pending.size() >= MAX_ELEMENTS)) {
                flush(levels, lvl);
            }
            pending.add(r);
            size += sz;
        }

        void flush(List<BranchLevel> levels, int lvl) throws IOException {
            long id = writeBranch(pending, size);
            byte[] first = pending.get(0).key;
            pending.clear();
            size = Bolt.PAGE_HEADER_SIZE;
            flushed++;
            level(levels, lvl + 1).add(new Ref(first, id), levels, lvl + 1);
        }
    }

    private final class Bucket {
        final byte[] name;
        final long sequence;
        final boolean root;
        final List<Item> pending = new ArrayList<>();
        long size = Bolt.PAGE_HEADER_SIZE;
        byte[] lastKey;
        boolean hasNested;
        boolean spilled;
        final List<BranchLevel> levels = new ArrayList<>();

        Bucket(byte[] name, long sequence, boolean root) {
            this.name = name;
            this.sequence = sequence;
            this.root = root;
        }

        void checkKey(byte[] key) {
            if (key == null || key.length == 0) {
                throw new IllegalArgumentException("key required");
            }
            if (key.length > MAX_KEY_SIZE) {
                throw new IllegalArgumentException("key too large: " + key.length + " bytes");
            }
            if (lastKey != null && Bolt.compare(key, lastKey) <= 0) {
                throw new IllegalArgumentException("keys must be given in strictly ascending order: (hex)"
                        + Bolt.hex(key) + " after (hex)" + Bolt.hex(lastKey));
            }
        }

        void add(Item it) throws IOException {
            lastKey = it.key;
            long sz = Bolt.ELEMENT_SIZE + (long) it.key.length + it.value.length;
            if (!pending.isEmpty() && (size + sz > pageSize || pending.size() >= MAX_ELEMENTS)) {
                flushLeaf();
            }
            pending.add(it);
            size += sz;
        }

        void flushLeaf() throws IOException {
            long id = writeLeaf(pending, size);
            byte[] first = pending.isEmpty() ? null : pending.get(0).key;
            pending.clear();
            size = Bolt.PAGE_HEADER_SIZE;
            spilled = true;
            if (first != null || levels.isEmpty()) {
                level(levels, 0).add(new Ref(first == null ? new byte[0] : first, id), levels, 0);
            }
        }

        boolean inlineable() {
            return !root && !spilled && !hasNested && size <= pageSize / 4;
        }

        /** Finishes the bucket: its bucket value (header + inline page, or header pointing at its root page). */
        byte[] finish() throws IOException {
            byte[] v;
            if (inlineable()) {
                v = new byte[Bolt.BUCKET_HEADER_SIZE + (int) size];
                Bolt.put64(v, 8, sequence);
                fillLeaf(v, Bolt.BUCKET_HEADER_SIZE, pending);
                Bolt.put16(v, Bolt.BUCKET_HEADER_SIZE + 8, Bolt.FLAG_LEAF);
                Bolt.put16(v, Bolt.BUCKET_HEADER_SIZE + 10, pending.size());
                pending.clear();
                return v;
            }
            if (!pending.isEmpty() || !spilled) {
                flushLeaf();
            }
            long rootId;
            for (int lvl = 0; ; lvl++) {
                if (lvl > BoltReader.MAX_DEPTH) {
                    throw new IllegalStateException("branch levels do not converge");
                }
                BranchLevel l = levels.get(lvl);
                if (l.flushed == 0 && l.pending.size() == 1) {
                    rootId = l.pending.get(0).pgid;
                    break;
                }
                l.flush(levels, lvl);
            }
            v = new byte[Bolt.BUCKET_HEADER_SIZE];
            Bolt.put64(v, 0, rootId);
            Bolt.put64(v, 8, sequence);
            return v;
        }
    }

    private final FileChannel channel;
    private final int pageSize;
    private final Deque<Bucket> open = new ArrayDeque<>();
    private long nextPgid = 2;
    private boolean persistFreelist;
    private boolean finished;
    private long pagesWritten;

    private BoltWriter(FileChannel channel, int pageSize) {
        this.channel = channel;
        this.pageSize = pageSize;
        open.push(new Bucket(new byte[0], 0, true));
    }

    /** Creates (or truncates) {@code path}. */
    public static BoltWriter create(Path path, int pageSize) throws IOException {
        if (!Bolt.isValidPageSize(pageSize)) {
            throw new IllegalArgumentException("page size must be a power of two in [512, 1 MiB]: " + pageSize);
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new BoltWriter(ch, pageSize);
    }

    /**
     * Opens an existing bbolt file to commit a new root tree on top of it: pages from {@code firstFreePgid} on are
     * written anew, pages below it are left as they are (buckets kept with {@link #putBucketValue} still point there),
     * and {@link #finish} rewrites both meta pages. Pages no longer reachable become free when bbolt next opens the
     * file for writing, since no freelist is persisted.
     */
    public static BoltWriter appendTo(Path path, int pageSize, long firstFreePgid) throws IOException {
        if (!Bolt.isValidPageSize(pageSize)) {
            throw new IllegalArgumentException("page size must be a power of two in [512, 1 MiB]: " + pageSize);
        }
        if (firstFreePgid < 2) {
            throw new IllegalArgumentException("pages 0 and 1 are the meta pages: " + firstFreePgid);
        }
        BoltWriter w = new BoltWriter(FileChannel.open(path, StandardOpenOption.WRITE), pageSize);
        w.nextPgid = firstFreePgid;
        return w;
    }

    /** Write an empty freelist page instead of {@code freelist = none}. Both forms are accepted by bbolt and etcd. */
    public BoltWriter persistEmptyFreelist(boolean persist) {
        this.persistFreelist = persist;
        return this;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Starts a bucket: a top-level bucket, or a nested one inside the current bucket. */
    public void beginBucket(byte[] name) throws IOException {
        beginBucket(name, 0);
    }

    public void beginBucket(byte[] name, long sequence) throws IOException {
        checkOpen();
        Bucket parent = open.peek();
        parent.checkKey(name);
        parent.lastKey = name;
        parent.hasNested |= !parent.root;
        open.push(new Bucket(name.clone(), sequence, false));
    }

    /**
     * Stores a bucket as it is: {@code bucketValue} is its raw bbolt value (the 16-byte header, then the inline page
     * if the bucket is inline), as read from another file whose pages this writer keeps ({@link #appendTo}).
     */
    public void putBucketValue(byte[] name, byte[] bucketValue) throws IOException {
        checkOpen();
        if (bucketValue.length < Bolt.BUCKET_HEADER_SIZE) {
            throw new IllegalArgumentException("bucket value of " + bucketValue.length + " bytes has no header");
        }
        Bucket parent = open.peek();
        parent.checkKey(name);
        parent.hasNested |= !parent.root;
        parent.add(new Item(Bolt.LEAF_FLAG_BUCKET, name.clone(), bucketValue.clone()));
    }

    /** Adds a key/value to the current bucket; keys must be strictly ascending (unsigned byte order). */
    public void put(byte[] key, byte[] value) throws IOException {
        checkOpen();
        Bucket b = open.peek();
        if (b.root) {
            throw new IllegalStateException("put outside a bucket: bbolt's root holds only buckets");
        }
        b.checkKey(key);
        if (value.length > MAX_VALUE_SIZE) {
            throw new IllegalArgumentException("value too large: " + value.length + " bytes");
        }
        b.add(new Item(0, key.clone(), value.clone()));
    }

    /** Ends the current bucket and stores it in its parent. */
    public void endBucket() throws IOException {
        checkOpen();
        Bucket b = open.peek();
        if (b.root) {
            throw new IllegalStateException("no open bucket");
        }
        open.pop();
        byte[] value = b.finish();
        open.peek().add(new Item(Bolt.LEAF_FLAG_BUCKET, b.name, value));
    }

    /**
     * Writes the root tree and the two meta pages (meta 0 with {@code txid}, meta 1 with {@code txid - 1}), sets the
     * file length to {@code pgid × pageSize} and syncs. Returns the high-water mark {@code pgid}.
     */
    public long finish(long txid) throws IOException {
        checkOpen();
        if (txid < 1) {
            throw new IllegalArgumentException("txid must be at least 1");
        }
        if (open.size() != 1) {
            throw new IllegalStateException(open.size() - 1 + " bucket(s) still open");
        }
        Bucket root = open.pop();
        byte[] rv = root.finish();
        long rootId = Bolt.u64(rv, 0);
        long freelist = Bolt.NO_FREELIST;
        if (persistFreelist) {
            freelist = writePage(newPage(Bolt.PAGE_HEADER_SIZE), Bolt.FLAG_FREELIST, 0);
        }
        long pgid = nextPgid;
        for (int m = 0; m < 2; m++) {
            byte[] page = new byte[pageSize];
            Bolt.put64(page, 0, m);
            Bolt.put16(page, 8, Bolt.FLAG_META);
            BoltMeta.write(page, Bolt.PAGE_HEADER_SIZE, pageSize, rootId, freelist, pgid, txid - m);
            write(page, (long) m * pageSize);
        }
        channel.truncate(pgid * pageSize);
        channel.force(true);
        finished = true;
        return pgid;
    }

    /** Pages allocated so far (including the two meta pages). */
    public long pagesAllocated() {
        return nextPgid;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("writer already finished");
        }
    }

    private BranchLevel level(List<BranchLevel> levels, int lvl) {
        while (levels.size() <= lvl) {
            levels.add(new BranchLevel());
        }
        return levels.get(lvl);
    }

    private byte[] newPage(long size) {
        long pages = (size + pageSize - 1) / pageSize;
        long bytes = pages * pageSize;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("page of " + size + " bytes is too large");
        }
        return new byte[(int) bytes];
    }

    /** Writes a branch page holding {@code refs} ({@code size}: header plus elements plus keys); returns its id. */
    private long writeBranch(List<Ref> refs, long size) throws IOException {
        byte[] page = newPage(size);
        int n = refs.size();
        int data = Bolt.PAGE_HEADER_SIZE + n * Bolt.ELEMENT_SIZE;
        for (int i = 0; i < n; i++) {
            Ref r = refs.get(i);
            int e = Bolt.PAGE_HEADER_SIZE + i * Bolt.ELEMENT_SIZE;
            Bolt.put32(page, e, data - e);
            Bolt.put32(page, e + 4, r.key.length);
            Bolt.put64(page, e + 8, r.pgid);
            System.arraycopy(r.key, 0, page, data, r.key.length);
            data += r.key.length;
        }
        return writePage(page, Bolt.FLAG_BRANCH, n);
    }

    private long writeLeaf(List<Item> items, long size) throws IOException {
        byte[] page = newPage(size);
        fillLeaf(page, 0, items);
        return writePage(page, Bolt.FLAG_LEAF, items.size());
    }

    /**
     * Copy-on-write append of a key larger than every key of a paged bucket of {@code r}'s file (which this writer
     * must be {@link #appendTo appending to}): only the pages on the tree's rightmost path are written anew. The
     * new entry joins the last leaf, or starts a new one when that leaf is full, and so up the branches (a full
     * root gets a new root above it). Returns the bucket's new value (header with the new root, same sequence),
     * or null for an inline bucket, which the caller rewrites instead.
     */
    public byte[] appendLargest(BoltReader r, byte[] bucketValue, byte[] key, byte[] value) throws IOException {
        checkOpen();
        if (bucketValue.length < Bolt.BUCKET_HEADER_SIZE) {
            throw new IllegalArgumentException("bucket value of " + bucketValue.length + " bytes has no header");
        }
        long rootId = Bolt.u64(bucketValue, 0);
        if (rootId == 0) {
            return null;
        }
        // the path from the root to the rightmost leaf
        List<BoltPage> path = new ArrayList<>();
        for (BoltPage p = r.readPage(rootId); ; p = r.readPage(p.branchChild(p.count() - 1))) {
            p.requireTreePage();
            path.add(p);
            if (p.isLeaf() || path.size() > BoltReader.MAX_DEPTH) {
                break;
            }
        }
        BoltPage leaf = path.get(path.size() - 1);
        if (!leaf.isLeaf()) {
            throw new io.github.jetcdctl.snapshot.SnapshotFormatException(leaf.label()
                    + ": B+tree deeper than " + BoltReader.MAX_DEPTH + " levels");
        }
        if (leaf.count() > 0 && Bolt.compare(key, leaf.leafKey(leaf.count() - 1)) <= 0) {
            throw new IllegalArgumentException("key (hex)" + Bolt.hex(key) + " is not above the bucket's last key");
        }
        // the leaf: rewritten with the new entry, or a new sibling holding only it
        List<Item> items = new ArrayList<>();
        long size = Bolt.PAGE_HEADER_SIZE;
        for (int i = 0; i < leaf.count(); i++) {
            Item it = new Item(leaf.leafFlags(i), leaf.leafKey(i), leaf.leafValue(i));
            items.add(it);
            size += Bolt.ELEMENT_SIZE + it.key.length + it.value.length;
        }
        Item added = new Item(0, key.clone(), value.clone());
        long addedSize = Bolt.ELEMENT_SIZE + key.length + (long) value.length;
        long childId;
        Ref sibling = null; // a new right sibling the parent level must take in
        if (items.isEmpty() || (size + addedSize <= pageSize && items.size() < MAX_ELEMENTS)) {
            items.add(added);
            childId = writeLeaf(items, size + addedSize);
        } else {
            childId = leaf.id();
            sibling = new Ref(key.clone(), writeLeaf(List.of(added), Bolt.PAGE_HEADER_SIZE + addedSize));
        }
        // the branches, bottom up: point the last element at the rewritten child, take in a sibling if any
        for (int level = path.size() - 2; level >= 0; level--) {
            BoltPage branch = path.get(level);
            List<Ref> refs = new ArrayList<>();
            long bsize = Bolt.PAGE_HEADER_SIZE;
            for (int i = 0; i < branch.count(); i++) {
                long child = i == branch.count() - 1 ? childId : branch.branchChild(i);
                Ref ref = new Ref(branch.branchKey(i), child);
                refs.add(ref);
                bsize += Bolt.ELEMENT_SIZE + ref.key.length;
            }
            if (sibling != null) {
                long ssize = Bolt.ELEMENT_SIZE + sibling.key.length;
                if (bsize + ssize <= pageSize && refs.size() < MAX_ELEMENTS) {
                    refs.add(sibling);
                    bsize += ssize;
                    sibling = null;
                } else {
                    sibling = new Ref(sibling.key, writeBranch(List.of(sibling), Bolt.PAGE_HEADER_SIZE + ssize));
                }
            }
            childId = writeBranch(refs, bsize);
        }
        if (sibling != null) {
            // the root itself was full: a new root above the old one and the new sibling
            BoltPage oldRoot = path.get(0);
            byte[] first = oldRoot.isLeaf() ? oldRoot.leafKey(0) : oldRoot.branchKey(0);
            List<Ref> refs = List.of(new Ref(first, childId), sibling);
            childId = writeBranch(refs, Bolt.PAGE_HEADER_SIZE + 2L * Bolt.ELEMENT_SIZE + first.length
                    + sibling.key.length);
        }
        byte[] v = new byte[Bolt.BUCKET_HEADER_SIZE];
        Bolt.put64(v, 0, childId);
        System.arraycopy(bucketValue, 8, v, 8, 8);
        return v;
    }

    /** Fills header count/elements/data of a leaf image at {@code base} (header flags set by the caller). */
    private static void fillLeaf(byte[] page, int base, List<Item> items) {
        int n = items.size();
        int data = base + Bolt.PAGE_HEADER_SIZE + n * Bolt.ELEMENT_SIZE;
        for (int i = 0; i < n; i++) {
            Item it = items.get(i);
            int e = base + Bolt.PAGE_HEADER_SIZE + i * Bolt.ELEMENT_SIZE;
            Bolt.put32(page, e, it.flags);
            Bolt.put32(page, e + 4, data - e);
            Bolt.put32(page, e + 8, it.key.length);
            Bolt.put32(page, e + 12, it.value.length);
            System.arraycopy(it.key, 0, page, data, it.key.length);
            data += it.key.length;
            System.arraycopy(it.value, 0, page, data, it.value.length);
            data += it.value.length;
        }
    }

    /** Assigns the next page id(s) to {@code page}, fills its header and writes it. */
    private long writePage(byte[] page, int flags, int count) throws IOException {
        long id = nextPgid;
        long overflow = page.length / pageSize - 1;
        Bolt.put64(page, 0, id);
        Bolt.put16(page, 8, flags);
        Bolt.put16(page, 10, count);
        Bolt.put32(page, 12, overflow);
        write(page, id * pageSize);
        nextPgid += overflow + 1;
        pagesWritten++;
        return id;
    }

    private void write(byte[] b, long pos) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b);
        while (bb.hasRemaining()) {
            pos += channel.write(bb, pos);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
