package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

import io.github.jetcdctl.snapshot.bbolt.BoltCursor;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;

/**
 * The hash of the key-value history up to a revision, as {@code etcdutl hashkv} computes it from a db and a live
 * member answers {@code endpoint hashkv --rev} (when the answer does not come from the hashes it cached at its
 * compactions): a CRC-32C that starts with the bucket name {@code key} and continues with every revision key and
 * value of that bucket, in order, up to the revision.
 *
 * <p>Revisions at or below the compaction revision C are hashed only when they are what a compaction at the hashed
 * revision R would keep: the key's latest revision up to R, and a put rather than a deletion. When no key is alive at
 * R at all, etcd hashes every one of them instead. A deletion at exactly C is never hashed, so that stores compacted
 * by etcd versions that keep that tombstone and by those that remove it agree.
 *
 * <p>Streaming, in at most two passes over the {@code key} bucket: the first records the latest revision of each key
 * changed since the last finished compaction (a fingerprint per key, see {@link KeyFingerprints}); the second hashes.
 * Memory grows with the keys changed since that compaction, not with the size of the store. A db whose compaction was
 * scheduled but not finished is hashed as etcd hashes it after resuming that compaction when it opens the db
 * (etcdutl writes to the db for that; this reader never does).
 */
public final class KvHash {
    private static final byte[] KEY_BUCKET = "key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] META_BUCKET = "meta".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FINISHED_COMPACT = "finishedCompactRev".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCHEDULED_COMPACT = "scheduledCompactRev".getBytes(StandardCharsets.US_ASCII);
    private static final int REVISION_LENGTH = 17;

    /**
     * etcd's {@code HashKV} answer: the CRC-32C (unsigned), the revision it covers, and the store's compaction
     * revision (-1 when the store was never compacted).
     */
    public record Result(long hash, long hashRevision, long compactRevision) {
    }

    /** The revision asked for is below the compaction revision. */
    public static final class CompactedException extends IOException {
        private static final long serialVersionUID = 1L;

        CompactedException() {
            super("mvcc: required revision has been compacted");
        }
    }

    /** The revision asked for is above the store's current revision. */
    public static final class FutureRevisionException extends IOException {
        private static final long serialVersionUID = 1L;

        FutureRevisionException() {
            super("mvcc: required revision is a future revision");
        }
    }

    private KvHash() {
    }

    /**
     * The hash of a db, a snapshot file (also gzip or zstd compressed, as {@code backup --compress} writes them) or a
     * data directory's {@code member/snap/db}, at {@code revision} (0: the latest). A data directory whose db a
     * running process holds is refused: hash the live member with {@code endpoint hashkv} instead.
     */
    public static Result compute(Path fileOrDataDir, long revision) throws IOException {
        Path file = fileOrDataDir;
        if (Files.isDirectory(fileOrDataDir)) {
            file = OfflineDefrag.dbPath(fileOrDataDir.toString());
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString(), null,
                        "stat " + file + ": no such file or directory");
            }
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "stat " + file + ": no such file or directory");
        }
        Optional<LockHolders.Holder> holder = LockHolders.find(file);
        if (holder.isPresent()) {
            throw new OfflineDefrag.InUseException(holder.get().describe() + " holds a lock on " + file);
        }
        try (PlainSnapshot plain = PlainSnapshot.open(file); BoltReader r = BoltReader.open(plain.path())) {
            return compute(r, revision);
        }
    }

    /** The hash of the db {@code r} reads, at {@code revision} (0: the latest). */
    public static Result compute(BoltReader r, long revision) throws IOException {
        byte[] keyBucket = null;
        BoltCursor metaCursor = null;
        BoltCursor root = r.rootCursor();
        while (root.next()) {
            if (root.isBucket() && Arrays.equals(root.key(), KEY_BUCKET)) {
                keyBucket = root.value();
            } else if (root.isBucket() && Arrays.equals(root.key(), META_BUCKET)) {
                metaCursor = root.bucketCursor();
                break;
            }
        }
        long finished = -1;
        long scheduled = 0;
        if (metaCursor != null) {
            BoltCursor meta = metaCursor;
            while (meta.next()) {
                if (Arrays.equals(meta.key(), FINISHED_COMPACT)) {
                    finished = mainOf(meta.value());
                } else if (Arrays.equals(meta.key(), SCHEDULED_COMPACT)) {
                    scheduled = mainOf(meta.value());
                }
            }
        }
        long current = 1;
        if (keyBucket != null) {
            byte[] last = r.lastKey(keyBucket);
            if (last != null) {
                current = mainOf(last);
            }
        }
        // as etcd opens a store: a scheduled compaction that did not finish is resumed
        long compacted = scheduled > 0 && scheduled > finished ? scheduled : finished;
        current = Math.max(current, Math.max(compacted, scheduled));
        if (revision > 0 && revision < compacted) {
            throw new CompactedException();
        }
        if (revision > 0 && revision > current) {
            throw new FutureRevisionException();
        }
        long hashed = revision == 0 ? current : revision;
        if (keyBucket == null) {
            return new Result(startedCrc().getValue(), hashed, compacted);
        }
        KeyFingerprints changed = new KeyFingerprints();
        if (compacted >= 1) {
            recordChanges(r, Math.max(finished, 0), hashed, changed);
        }
        return new Result(hash(r, compacted, hashed, changed), hashed, compacted);
    }

    /** The latest revision of every key changed in {@code (after, upTo]}. */
    private static void recordChanges(BoltReader r, long after, long upTo, KeyFingerprints changed)
            throws IOException {
        BoltCursor c = keyBucketCursor(r);
        while (c.next()) {
            byte[] k = c.key();
            long main = mainOf(k);
            if (main <= after) {
                continue;
            }
            if (main > upTo) {
                return;
            }
            changed.record(changed.fingerprint(userKey(c.value())), main, subOf(k), isTombstone(k));
        }
    }

    /**
     * Hashes up to {@code hashed}. Below the compaction revision, two CRCs run side by side until the end of that
     * stretch shows whether any key is alive at the hashed revision: etcd hashes only the kept revisions then, and
     * all of them otherwise.
     */
    private static long hash(BoltReader r, long compacted, long hashed, KeyFingerprints changed) throws IOException {
        BoltCursor c = keyBucketCursor(r);
        CRC32C kept = startedCrc();
        CRC32C all = startedCrc();
        boolean anyKept = false;
        boolean more = c.next();
        for (; more && mainOf(c.key()) <= Math.min(compacted, hashed); more = c.next()) {
            byte[] k = c.key();
            long main = mainOf(k);
            boolean tombstone = isTombstone(k);
            if (main == compacted && tombstone) {
                continue;
            }
            all.update(k);
            all.update(c.valueView());
            if (!tombstone && changed.latestIsOrAbsent(changed.fingerprint(userKey(c.value())), main, subOf(k))) {
                anyKept = true;
                kept.update(k);
                kept.update(c.valueView());
            }
        }
        CRC32C crc = anyKept || changed.aliveCount() > 0 ? kept : all;
        for (; more && mainOf(c.key()) <= hashed; more = c.next()) {
            crc.update(c.key());
            crc.update(c.valueView());
        }
        return crc.getValue();
    }

    private static CRC32C startedCrc() {
        CRC32C crc = new CRC32C();
        crc.update(KEY_BUCKET);
        return crc;
    }

    /** A cursor over the {@code key} bucket, which must exist. */
    private static BoltCursor keyBucketCursor(BoltReader r) throws IOException {
        BoltCursor root = r.rootCursor();
        if (!root.seekForward(KEY_BUCKET) || !root.isBucket()) {
            throw new IllegalStateException("no key bucket");
        }
        return root.bucketCursor();
    }

    /** The main revision of a revision key ({@code main '_' sub}, then {@code 't'} for a deletion). */
    static long mainOf(byte[] revision) throws SnapshotFormatException {
        if (revision.length < REVISION_LENGTH) {
            throw new SnapshotFormatException("key bucket holds a " + revision.length
                    + "-byte key, too short for a revision");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (revision[i] & 0xff);
        }
        return v;
    }

    private static long subOf(byte[] revision) {
        long v = 0;
        for (int i = 9; i < 17; i++) {
            v = v << 8 | (revision[i] & 0xff);
        }
        return v;
    }

    private static boolean isTombstone(byte[] revision) {
        return revision.length == REVISION_LENGTH + 1 && revision[REVISION_LENGTH] == 't';
    }

    /** Field 1 (the key) of an {@code mvccpb.KeyValue}. */
    static byte[] userKey(byte[] keyValue) throws SnapshotFormatException {
        ProtoFields kv = new ProtoFields(keyValue);
        try {
            while (kv.next()) {
                if (kv.field() == 1) {
                    return kv.bytes();
                }
                kv.skip();
            }
        } catch (SnapshotFormatException e) {
            throw badValue();
        }
        return new byte[0];
    }

    private static SnapshotFormatException badValue() {
        return new SnapshotFormatException("key bucket holds a value that is not an mvccpb.KeyValue");
    }
}
