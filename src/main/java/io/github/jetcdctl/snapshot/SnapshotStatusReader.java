package io.github.jetcdctl.snapshot;

import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.bbolt.BoltVisitor;
import io.github.jetcdctl.snapshot.bbolt.PageTracker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.nio.ByteBuffer;

/**
 * Computes {@code snapshot status} as etcdutl 3.5 does: the bbolt integrity check, then one CRC-32C over every
 * top-level bucket name followed by its keys and values, a count of those entries, the main revision of the last
 * {@code key} entry, and {@code pgid × pageSize}. Done in one streaming pass; the SHA-256 trailer is not checked.
 */
public final class SnapshotStatusReader {
    private SnapshotStatusReader() {
    }

    /** Thrown when bbolt's integrity check reports errors (only possible with a persisted freelist). */
    public static final class IntegrityCheckException extends SnapshotFormatException {
        private static final long serialVersionUID = 1L;
        private final List<String> errors;

        IntegrityCheckException(List<String> errors) {
            super("snapshot file integrity check failed. " + errors.size() + " errors found: " + String.join("; ", errors),
                    "snapshot file integrity check failed. " + errors.size() + " errors found.\n"
                            + String.join("\n", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /** The status without the live-key count (etcdutl 3.5's figures), as a backup's verification needs. */
    public static SnapshotStatus read(Path path) throws IOException {
        return read(path, false);
    }

    /**
     * {@code countLiveKeys}: also count the user keys whose newest record is not a deletion (etcdutl 3.6's total),
     * at a fingerprint of 40 bytes per key changed; otherwise {@link SnapshotStatus#liveKeys()} is -1.
     */
    public static SnapshotStatus read(Path path, boolean countLiveKeys) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "stat " + path + ": no such file or directory");
        }
        if (Files.isRegularFile(path) && Files.size(path) == 0) {
            // bbolt tries to initialise an empty file and the read-only handle refuses
            throw new SnapshotFormatException("invalid database: the file is empty",
                    "write " + path + ": bad file descriptor");
        }
        try (BoltReader r = BoltReader.open(path)) {
            return read(r, countLiveKeys);
        }
    }

    public static SnapshotStatus read(BoltReader r) throws IOException {
        return read(r, false);
    }

    public static SnapshotStatus read(BoltReader r, boolean countLiveKeys) throws IOException {
        CRC32C crc = new CRC32C();
        long[] totalKey = {0};
        long[] revision = {0};
        // etcdutl 3.6 counts the keys whose last record, in revision order, is not a tombstone
        KeyFingerprints liveKeys = countLiveKeys ? new KeyFingerprints() : null;
        String[] storageVersion = {""};
        BoltVisitor v = new BoltVisitor() {
            boolean inKeyBucket;
            boolean inMetaBucket;

            @Override
            public boolean beginBucket(int depth, byte[] name) {
                if (depth == 1) {
                    crc.update(name);
                    String bucket = new String(name, StandardCharsets.ISO_8859_1);
                    inKeyBucket = "key".equals(bucket);
                    inMetaBucket = "meta".equals(bucket);
                } else if (depth == 2) {
                    // a nested bucket is a (key, nil) entry of its top-level bucket
                    entry(name);
                }
                return depth == 1;
            }

            @Override
            public void keyValue(int depth, byte[] key, ByteBuffer value) throws IOException {
                if (depth == 0) {
                    throw new SnapshotFormatException("cannot get hash of bucket "
                            + new String(key, StandardCharsets.UTF_8), "cannot get hash of bucket "
                            + new String(key, StandardCharsets.UTF_8));
                }
                if (depth == 1) {
                    if (entry(key)) {
                        crc.update(value.duplicate());
                    }
                    if (inKeyBucket && liveKeys != null) {
                        track(key, value);
                    } else if (inMetaBucket && Arrays.equals(key, STORAGE_VERSION)) {
                        storageVersion[0] = StandardCharsets.UTF_8.decode(value.duplicate()).toString();
                    }
                }
            }

            /** A value that does not decode fails the count, as it fails etcdutl 3.6 (3.5 never decoded values). */
            private void track(byte[] revisionKey, ByteBuffer value) throws IOException {
                byte[] keyValue = new byte[value.remaining()];
                value.duplicate().get(keyValue);
                boolean tombstone = revisionKey.length == TOMBSTONE_KEY_LENGTH
                        && revisionKey[TOMBSTONE_KEY_LENGTH - 1] == 't';
                liveKeys.record(liveKeys.fingerprint(KvHash.userKey(keyValue)), revision[0], subRevision(revisionKey),
                        tombstone);
            }

            private boolean entry(byte[] key) {
                crc.update(key);
                totalKey[0]++;
                if (inKeyBucket) {
                    if (key.length < 8) {
                        throw new RevisionKeyException(key.length);
                    }
                    long main = 0;
                    for (int i = 0; i < 8; i++) {
                        main = main << 8 | (key[i] & 0xff);
                    }
                    revision[0] = main;
                }
                return true;
            }
        };
        PageTracker tracker = r.newTracker();
        try {
            r.walk(v, tracker);
        } catch (RevisionKeyException e) {
            throw new SnapshotFormatException("key bucket holds a " + e.len + "-byte key, too short for a revision");
        }
        List<String> errors = r.freelistErrors(tracker);
        if (!errors.isEmpty()) {
            throw new IntegrityCheckException(errors);
        }
        return new SnapshotStatus(crc.getValue(), revision[0], totalKey[0], r.totalSize(),
                liveKeys == null ? -1 : liveKeys.aliveCount(), storageVersion[0]);
    }

    /** The sub revision of a revision key (8-byte main, '_', 8-byte sub); 0 for a key too short to hold one. */
    private static long subRevision(byte[] revisionKey) {
        long sub = 0;
        for (int i = 9; i < 17 && i < revisionKey.length; i++) {
            sub = sub << 8 | (revisionKey[i] & 0xff);
        }
        return sub;
    }

    private static final byte[] STORAGE_VERSION = "storageVersion".getBytes(StandardCharsets.US_ASCII);
    /** A revision key (8-byte main, '_', 8-byte sub) with the tombstone mark 't' appended. */
    private static final int TOMBSTONE_KEY_LENGTH = 18;

    private static final class RevisionKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int len;

        RevisionKeyException(int len) {
            super(null, null, false, false);
            this.len = len;
        }
    }
}
