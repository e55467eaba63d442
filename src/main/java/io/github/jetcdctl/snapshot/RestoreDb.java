package io.github.jetcdctl.snapshot;

import io.github.jetcdctl.snapshot.bbolt.Bolt;
import io.github.jetcdctl.snapshot.bbolt.BoltCopy;
import io.github.jetcdctl.snapshot.bbolt.BoltCursor;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.bbolt.BoltVisitor;
import io.github.jetcdctl.snapshot.bbolt.BoltWriter;
import io.github.jetcdctl.snapshot.raft.ClusterPlan;
import io.github.jetcdctl.snapshot.raft.Member;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The db part of {@code snapshot restore}, with etcdutl 3.5's result:
 * <ul>
 *   <li>every bucket and key of the snapshot is kept, except that {@code members} is replaced by the new members
 *       (key: hex ID, value: member JSON) and {@code members_removed} is emptied; {@code members},
 *       {@code members_removed} and {@code cluster} are created if missing;</li>
 *   <li>{@code meta/consistent_index} = N and {@code meta/term} = 1 (big-endian u64); {@code confState} and the
 *       compaction marks are left as they were;</li>
 *   <li>with a revision bump B: the largest {@code key} revision (main, sub) becomes a new empty entry at
 *       (main + B, 0), and {@code meta/scheduledCompactRev} is set to it (etcdutl's {@code --mark-compacted}).</li>
 * </ul>
 * As etcdutl does, the snapshot is copied (by the kernel, while a second thread checks its SHA-256) and the few small
 * buckets that change are committed on top of the copy, copy-on-write: the key space is never read into the heap
 * nor rewritten (a bump rewrites the pages on the rightmost path of the {@code key} tree only).
 * A snapshot without a {@code meta} bucket is rejected (etcdutl 3.5 fails on it too, silently).
 */
public final class RestoreDb {
    private RestoreDb() {
    }

    static final byte[] MEMBERS = ascii("members");
    static final byte[] MEMBERS_REMOVED = ascii("members_removed");
    static final byte[] CLUSTER = ascii("cluster");
    static final byte[] META = ascii("meta");
    static final byte[] KEY = ascii("key");
    static final byte[] CONSISTENT_INDEX = ascii("consistent_index");
    static final byte[] TERM = ascii("term");
    static final byte[] SCHEDULED_COMPACT_REV = ascii("scheduledCompactRev");

    /**
     * What to put into the restored db.
     *
     * @param members         the new cluster's members (any order)
     * @param consistentIndex {@code meta/consistent_index}: the number of members
     * @param term            {@code meta/term}: 1
     * @param bumpRevision    etcdutl's {@code --bump-revision} (0: none); requires {@code markCompacted}
     * @param markCompacted   etcdutl's {@code --mark-compacted}
     * @param skipHashCheck   etcdutl's {@code --skip-hash-check}
     */
    public record Options(List<Member> members, long consistentIndex, long term, long bumpRevision,
                          boolean markCompacted, boolean skipHashCheck) {
        public Options {
            members = List.copyOf(members);
            if (bumpRevision < 0) {
                throw new IllegalArgumentException("bump revision must not be negative");
            }
            if ((bumpRevision > 0) != markCompacted) {
                throw new IllegalArgumentException("--mark-compacted required if --revision-bump > 0");
            }
        }

        /** Members, index and term from a validated plan; no bump; hash checked. */
        public static Options of(ClusterPlan plan) {
            return new Options(plan.members(), plan.snapshotIndex(), plan.term(), 0, false, false);
        }

        public Options withBump(long bump) {
            return new Options(members, consistentIndex, term, bump, bump > 0, skipHashCheck);
        }

        public Options withSkipHashCheck(boolean skip) {
            return new Options(members, consistentIndex, term, bumpRevision, markCompacted, skip);
        }
    }

    /**
     * What the step did, for etcdutl's log lines.
     *
     * @param latestRevision  main revision of the largest {@code key} entry in the snapshot
     * @param bumpedRevision  the new latest (and compacted) revision, or {@code latestRevision} without a bump
     * @param totalSize       size of the db written
     */
    public record Result(long latestRevision, long bumpedRevision, long totalSize) {
    }

    /** The snapshot's integrity check as etcdutl runs it before restoring (SHA-256 trailer). */
    public static void verifyHash(SnapshotFile f, boolean skipHashCheck) throws IOException {
        checkTrailer(f, skipHashCheck);
        if (skipHashCheck) {
            return;
        }
        byte[] stored = f.storedSha256();
        byte[] actual = f.computeSha256();
        if (!Arrays.equals(stored, actual)) {
            String m = "expected sha256 " + SnapshotFile.goBytes(stored) + ", got " + SnapshotFile.goBytes(actual);
            throw new SnapshotFormatException(m, m);
        }
    }

    /** The checks {@link #verifyHash} makes without reading the file: its size and whether it has a trailer. */
    public static void checkTrailer(SnapshotFile f, boolean skipHashCheck) throws IOException {
        if (f.fileSize() < SnapshotFile.SHA256_SIZE) {
            throw new SnapshotFormatException("seek " + f.path() + ": invalid argument",
                    "seek " + f.path() + ": invalid argument");
        }
        if (!skipHashCheck && !f.hasSha256Trailer()) {
            throw new SnapshotFormatException("snapshot missing hash but --skip-hash-check=false",
                    "snapshot missing hash but --skip-hash-check=false");
        }
    }

    /** Verifies the snapshot (unless skipped) and writes the restored db to {@code outDb} (mode 0600). */
    public static Result restore(Path snapshot, Path outDb, Options opt) throws IOException {
        try (SnapshotFile f = SnapshotFile.open(snapshot)) {
            checkTrailer(f, opt.skipHashCheck());
            return restore(f, outDb, opt);
        }
    }

    /**
     * Copies the bbolt region of the snapshot to {@code outDb} while another thread verifies the source (its
     * SHA-256, or with {@code --skip-hash-check} a structural walk of every page), then commits the changed buckets
     * on top of the copy. For an open snapshot whose {@link #checkTrailer} the caller has already run.
     */
    public static Result restore(SnapshotFile f, Path outDb, Options opt) throws IOException {
        boolean ok = false;
        createPrivate(outDb);
        try {
            FutureTask<Void> check = new FutureTask<>(() -> {
                verifySource(f.path(), opt.skipHashCheck());
                return null;
            });
            Thread checker = new Thread(check, "snapshot-verify");
            checker.setDaemon(true);
            checker.start();
            try (FileChannel out = FileChannel.open(outDb, StandardOpenOption.WRITE)) {
                long pos = 0;
                long end = f.dbLength();
                while (pos < end) {
                    long n = f.channel().transferTo(pos, end - pos, out);
                    if (n <= 0) {
                        throw new SnapshotFormatException(f.path() + ": file shrank while copying it");
                    }
                    pos += n;
                }
            } catch (IOException | RuntimeException e) {
                check.cancel(true);
                throw e;
            }
            awaitCheck(check);
            Result result;
            try (BoltReader r = BoltReader.open(outDb)) {
                try (BoltWriter w = BoltWriter.appendTo(outDb, r.pageSize(), r.meta().pgid())) {
                    result = commit(r, w, opt);
                }
            }
            ok = true;
            return result;
        } finally {
            if (!ok) {
                Files.deleteIfExists(outDb);
            }
        }
    }

    /** The source check run beside the copy; opens its own channel so that a cancel cannot close the copy's. */
    private static void verifySource(Path snapshot, boolean skipHashCheck) throws IOException {
        try (SnapshotFile f = SnapshotFile.open(snapshot)) {
            if (!skipHashCheck) {
                verifyHash(f, false);
                return;
            }
            try (BoltReader r = BoltReader.open(f.channel(), f.dbLength(), false)) {
                r.walk(BoltVisitor.NONE);
            }
        }
    }

    private static void awaitCheck(FutureTask<Void> check) throws IOException {
        try {
            check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check.cancel(true);
            throw new InterruptedIOException("interrupted while verifying the snapshot");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static void createPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Commits the restored db on top of {@code r}'s file through {@code w} (which is appending to it): buckets that
     * do not change stay where they are, the small ones that do are written anew, and a revision bump rewrites only
     * the rightmost path of the {@code key} tree.
     */
    private static Result commit(BoltReader r, BoltWriter w, Options opt) throws IOException {
        // Top-level names (a few dozen at most) and which ones must exist.
        TreeMap<byte[], Boolean> names = new TreeMap<>(Arrays::compareUnsigned);
        BoltCursor rc = r.rootCursor();
        while (rc.next()) {
            if (!rc.isBucket()) {
                throw new SnapshotFormatException("snapshot root holds a plain key " + printable(rc.key())
                        + "; only buckets are allowed there");
            }
            names.put(rc.key(), Boolean.TRUE);
        }
        if (!names.containsKey(META)) {
            throw new SnapshotFormatException("snapshot has no meta bucket; etcd cannot use it");
        }
        if (opt.bumpRevision() > 0 && !names.containsKey(KEY)) {
            throw new SnapshotFormatException("snapshot has no key bucket; cannot bump its revision");
        }
        for (byte[] n : List.of(MEMBERS, MEMBERS_REMOVED, CLUSTER)) {
            names.putIfAbsent(n, Boolean.FALSE);
        }

        long latest = 0;
        long bumped = 0;
        BoltCursor c = r.rootCursor();
        boolean more = c.next();
        for (Map.Entry<byte[], Boolean> e : names.entrySet()) {
            byte[] name = e.getKey();
            boolean present = e.getValue();
            if (present) {
                while (more && Bolt.compare(c.key(), name) < 0) {
                    more = c.next();
                }
            }
            boolean isKey = Arrays.equals(name, KEY);
            if (isKey) {
                latest = mainRevision(r.lastKey(c.value()));
                bumped = latest + opt.bumpRevision();
                if (opt.bumpRevision() > 0) {
                    byte[] appended = w.appendLargest(r, c.value(), revBytes(bumped, 0), new byte[0]);
                    if (appended != null) {
                        w.putBucketValue(name, appended);
                        continue;
                    }
                    // an inline key bucket is small: rewritten below
                }
            }
            boolean changes = Arrays.equals(name, MEMBERS) || Arrays.equals(name, MEMBERS_REMOVED)
                    || Arrays.equals(name, META) || (isKey && opt.bumpRevision() > 0);
            if (present && !changes) {
                w.putBucketValue(name, c.value());
                continue;
            }
            w.beginBucket(name, present ? sequence(c.value()) : 0);
            if (Arrays.equals(name, MEMBERS)) {
                writeMembers(w, opt.members());
            } else if (Arrays.equals(name, MEMBERS_REMOVED)) {
                // emptied
            } else if (isKey) {
                // an inline key bucket with a bump (latest and bumped were read from its last key above)
                BoltCopy.copyContents(c.bucketCursor(), w);
                w.put(revBytes(bumped, 0), new byte[0]);
            } else if (Arrays.equals(name, META)) {
                TreeMap<byte[], byte[]> overrides = new TreeMap<>(Arrays::compareUnsigned);
                overrides.put(CONSISTENT_INDEX, u64be(opt.consistentIndex()));
                overrides.put(TERM, u64be(opt.term()));
                if (opt.markCompacted()) {
                    overrides.put(SCHEDULED_COMPACT_REV, revBytes(bumped, 0));
                }
                copyWithOverrides(c.bucketCursor(), w, overrides);
            } else if (present) {
                BoltCopy.copyContents(c.bucketCursor(), w);
            }
            w.endBucket();
        }
        // etcdutl's restore commits four transactions (six with a bump) on top of the snapshot's
        long pgid = w.finish(r.meta().txid() + (opt.bumpRevision() > 0 ? 6 : 4));
        return new Result(latest, bumped, pgid * r.pageSize());
    }

    private static long sequence(byte[] bucketValue) {
        long s = 0;
        for (int i = 7; i >= 0; i--) {
            s = s << 8 | (bucketValue[8 + i] & 0xff);
        }
        return s;
    }

    private static void writeMembers(BoltWriter w, List<Member> members) throws IOException {
        TreeMap<byte[], byte[]> sorted = new TreeMap<>(Arrays::compareUnsigned);
        for (Member m : members) {
            sorted.put(ascii(m.hexId()), m.toJson().getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<byte[], byte[]> e : sorted.entrySet()) {
            w.put(e.getKey(), e.getValue());
        }
    }

    /** The main revision of a {@code key} bucket key (0 for none). */
    private static long mainRevision(byte[] revisionKey) throws SnapshotFormatException {
        if (revisionKey == null) {
            return 0;
        }
        if (revisionKey.length < 8) {
            throw new SnapshotFormatException("key bucket holds a " + revisionKey.length
                    + "-byte key, too short for a revision");
        }
        long main = 0;
        for (int i = 0; i < 8; i++) {
            main = main << 8 | (revisionKey[i] & 0xff);
        }
        return main;
    }

    private static void copyWithOverrides(BoltCursor c, BoltWriter w, TreeMap<byte[], byte[]> overrides)
            throws IOException {
        while (c.next()) {
            byte[] k = c.key();
            while (!overrides.isEmpty() && Bolt.compare(overrides.firstKey(), k) < 0) {
                Map.Entry<byte[], byte[]> o = overrides.pollFirstEntry();
                w.put(o.getKey(), o.getValue());
            }
            if (!overrides.isEmpty() && Bolt.compare(overrides.firstKey(), k) == 0) {
                w.put(k, overrides.pollFirstEntry().getValue());
            } else if (c.isBucket()) {
                BoltCopy.copyBucket(c, w);
            } else {
                w.put(k, c.value());
            }
        }
        for (Map.Entry<byte[], byte[]> o : overrides.entrySet()) {
            w.put(o.getKey(), o.getValue());
        }
    }

    /** etcd's 17-byte revision key: main (BE), '_', sub (BE). */
    public static byte[] revBytes(long main, long sub) {
        byte[] b = new byte[17];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (main >>> (56 - 8 * i));
            b[9 + i] = (byte) (sub >>> (56 - 8 * i));
        }
        b[8] = '_';
        return b;
    }

    static byte[] u64be(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String printable(byte[] k) {
        return new String(k, StandardCharsets.UTF_8);
    }
}
