package io.github.jetcdctl.space;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.etcd.jetcd.api.KeyValue;
import io.github.jetcdctl.snapshot.OfflineDefrag;
import io.github.jetcdctl.snapshot.PlainSnapshot;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.bbolt.BoltVisitor;
import io.github.jetcdctl.snapshot.bbolt.PageTracker;

/**
 * The space report of a db file: a snapshot, a backup ({@code .db.gz}, {@code .db.zst}, decoded to a temporary
 * file first) or a data dir's {@code member/snap/db} (a running member's too: bbolt never overwrites pages a
 * reader may see, and the file is only read). Every kept revision in the {@code key} bucket is counted into its
 * key's group; the current value of each key is the last revision that is not a deletion. That needs one small
 * entry per live key in memory (the revisions come in revision order, not key order).
 */
public final class OfflineSpaceScan {
    private static final String KEY_BUCKET = "key";
    private static final String META_BUCKET = "meta";
    private static final byte[] FINISHED_COMPACT_REV = "finishedCompactRev".getBytes(StandardCharsets.UTF_8);
    /** A revision key: 8-byte main revision, '_', 8-byte sub revision, and 't' when it marks a deletion. */
    private static final int REVISION_KEY_BYTES = 17;

    private OfflineSpaceScan() {
    }

    /** The db file a path names: a data dir's {@code member/snap/db}, else the path itself. */
    public static Path dbFile(Path path) {
        return Files.isDirectory(path) ? OfflineDefrag.dbPath(path.toString()) : path;
    }

    public static SpaceReport run(Path path, byte[] prefix, SpaceTally tally, SpaceReport.Order order,
            long quotaFlag) throws IOException {
        Path db = dbFile(path);
        try (PlainSnapshot plain = PlainSnapshot.open(db); BoltReader reader = BoltReader.open(plain.path())) {
            Visitor visitor = new Visitor(prefix, tally);
            PageTracker tracker = reader.newTracker();
            reader.walk(visitor, tracker);
            visitor.finish();
            long size = reader.totalSize();
            long inUse = size - reader.freePageCount(tracker) * reader.pageSize();
            DbSpace space = new DbSpace(size, inUse, BackendQuota.fromFlag(quotaFlag), List.of());
            return SpaceReport.of(path.toString(), 0, true, visitor.revision, visitor.compactedRevision, tally,
                    order, space);
        }
    }

    /** A live key's current value: its length and how it is stored (one interned label per storage). */
    private record Current(int valueLength, String storage) {
    }

    private static final class Visitor implements BoltVisitor {
        private final byte[] prefix;
        private final SpaceTally tally;
        private final Map<ByteString, Current> live = new HashMap<>();
        private final Map<String, String> storages = new HashMap<>();
        private String bucket = "";
        long revision;
        long compactedRevision;

        Visitor(byte[] prefix, SpaceTally tally) {
            this.prefix = prefix;
            this.tally = tally;
        }

        @Override
        public boolean beginBucket(int depth, byte[] name) {
            if (depth == 1) {
                bucket = new String(name, StandardCharsets.ISO_8859_1);
            }
            return depth == 1 && (bucket.equals(KEY_BUCKET) || bucket.equals(META_BUCKET));
        }

        @Override
        public void keyValue(int depth, byte[] key, ByteBuffer value) throws IOException {
            if (depth != 1) {
                return;
            }
            if (bucket.equals(META_BUCKET)) {
                if (java.util.Arrays.equals(key, FINISHED_COMPACT_REV) && value.remaining() >= 8) {
                    compactedRevision = value.duplicate().getLong();
                }
                return;
            }
            if (!bucket.equals(KEY_BUCKET)) {
                return;
            }
            if (key.length < REVISION_KEY_BYTES) {
                throw new SnapshotFormatException("key bucket holds a " + key.length
                        + "-byte key, too short for a revision");
            }
            revision = ByteBuffer.wrap(key).getLong();
            int storedBytes = key.length + value.remaining();
            KeyValue kv;
            try {
                kv = KeyValue.parseFrom(value.duplicate());
            } catch (InvalidProtocolBufferException e) {
                throw new SnapshotFormatException("revision " + revision + ": not a key-value: " + e.getMessage());
            }
            byte[] userKey = kv.getKey().toByteArray();
            if (!inRange(userKey)) {
                return;
            }
            tally.revision(userKey, storedBytes);
            boolean deletion = key.length > REVISION_KEY_BYTES && key[REVISION_KEY_BYTES] == 't';
            if (deletion) {
                live.remove(kv.getKey());
            } else {
                String storage = storages.computeIfAbsent(SpaceTally.storageOf(kv.getValue()), s -> s);
                live.put(kv.getKey(), new Current(kv.getValue().size(), storage));
            }
        }

        private boolean inRange(byte[] key) {
            return prefix.length == 0 || KeyGrouping.startsWith(key, prefix);
        }

        void finish() {
            for (Map.Entry<ByteString, Current> e : live.entrySet()) {
                tally.current(e.getKey().toByteArray(), e.getValue().valueLength(), e.getValue().storage());
            }
            live.clear();
        }
    }
}
