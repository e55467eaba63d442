package io.github.jetcdctl.recovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.protobuf.InvalidProtocolBufferException;

import io.etcd.jetcd.api.KeyValue;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.PlainSnapshot;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.snapshot.bbolt.BoltCursor;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;

/**
 * One etcd backend file opened read-only and without its lock: a snapshot, a backup (gzip or zstd is decoded to a
 * temporary file first, since bbolt needs random access) or a member's {@code member/snap/db}, running or not.
 * Its key bucket is read one page at a time, so memory stays flat whatever the file's size.
 */
public final class OfflineDb implements AutoCloseable {
    private static final byte[] KEY_BUCKET = ascii("key");
    private static final byte[] META_BUCKET = ascii("meta");
    private static final byte[] FINISHED_COMPACT = ascii("finishedCompactRev");
    private static final byte[] SCHEDULED_COMPACT = ascii("scheduledCompactRev");
    private static final byte[] CONSISTENT_INDEX = ascii("consistent_index");
    private static final byte[] TERM = ascii("term");
    private static final byte[] STORAGE_VERSION = ascii("storageVersion");
    private static final byte[] MEMBERS_BUCKET = ascii("members");

    private final Path file;
    private final PlainSnapshot plain;
    private final BoltReader reader;
    private final DbMeta meta;

    private OfflineDb(Path file, PlainSnapshot plain, BoltReader reader) throws IOException {
        this.file = file;
        this.plain = plain;
        this.reader = reader;
        this.meta = readMeta();
    }

    /** Opens {@code file}; damage is reported as a {@link SnapshotFormatException} naming the file. */
    public static OfflineDb open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        PlainSnapshot plain = PlainSnapshot.open(file);
        BoltReader reader = null;
        try {
            reader = BoltReader.open(plain.path());
            return new OfflineDb(file, plain, reader);
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            plain.close();
            throw named(file, e);
        }
    }

    /** A format error names the file it is about; other I/O errors stay as they are. */
    static IOException named(Path file, Exception e) {
        if (e instanceof SnapshotFormatException || e instanceof InvalidProtocolBufferException
                || e instanceof RuntimeException) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.startsWith(file.toString())) {
                reason = reason.substring(file.toString().length()).replaceFirst("^: ", "");
            }
            SnapshotFormatException named = new SnapshotFormatException(file + ": damaged or not an etcd db: "
                    + reason);
            named.initCause(e);
            return named;
        }
        return (IOException) e;
    }

    public Path file() {
        return file;
    }

    public DbMeta meta() {
        return meta;
    }

    /** Receives the key bucket's records in revision order; returns false to stop. */
    @FunctionalInterface
    public interface RecordVisitor {
        boolean visit(KeyRecord record) throws IOException;
    }

    /** Every record of the key bucket, oldest revision first. */
    public void scan(RecordVisitor visitor) throws IOException {
        try {
            BoltCursor keys = bucket(KEY_BUCKET);
            if (keys == null) {
                return;
            }
            while (keys.next()) {
                Revision revision = Revision.parse(keys.key());
                ByteBuffer value = keys.valueView();
                KeyValue kv = KeyValue.parseFrom(value);
                if (!visitor.visit(new KeyRecord(revision, kv))) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw named(file, e);
        }
    }

    /** The {@code members} bucket: each member's ID (hex, as etcd keys it) and the JSON etcd stores for it. */
    public java.util.Map<String, String> members() throws IOException {
        java.util.Map<String, String> members = new java.util.TreeMap<>();
        try {
            BoltCursor cursor = bucket(MEMBERS_BUCKET);
            while (cursor != null && cursor.next()) {
                members.put(new String(cursor.key(), StandardCharsets.UTF_8),
                        new String(cursor.value(), StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            throw named(file, e);
        }
        return members;
    }

    /** etcdutl 3.6 hashkv's hash of this db at {@code revision}. */
    public KvHash.Result hash(long revision) throws IOException {
        return KvHash.compute(reader, revision);
    }

    private BoltCursor bucket(byte[] name) throws IOException {
        BoltCursor root = reader.rootCursor();
        if (!root.seekForward(name) || !root.isBucket()) {
            return null;
        }
        return root.bucketCursor();
    }

    private DbMeta readMeta() throws IOException {
        long finished = 0;
        long scheduled = 0;
        long consistentIndex = 0;
        long term = 0;
        String storageVersion = "";
        BoltCursor meta = bucket(META_BUCKET);
        while (meta != null && meta.next()) {
            byte[] key = meta.key();
            byte[] value = meta.value();
            if (java.util.Arrays.equals(key, FINISHED_COMPACT) && value.length >= 8) {
                finished = Revision.bigEndian(value, 0);
            } else if (java.util.Arrays.equals(key, SCHEDULED_COMPACT) && value.length >= 8) {
                scheduled = Revision.bigEndian(value, 0);
            } else if (java.util.Arrays.equals(key, CONSISTENT_INDEX) && value.length == 8) {
                consistentIndex = Revision.bigEndian(value, 0);
            } else if (java.util.Arrays.equals(key, TERM) && value.length == 8) {
                term = Revision.bigEndian(value, 0);
            } else if (java.util.Arrays.equals(key, STORAGE_VERSION)) {
                storageVersion = new String(value, StandardCharsets.UTF_8);
            }
        }
        long last = 0;
        BoltCursor root = reader.rootCursor();
        if (root.seekForward(KEY_BUCKET) && root.isBucket()) {
            byte[] lastKey = reader.lastKey(root.value());
            if (lastKey != null) {
                last = Revision.parse(lastKey).main();
            }
        }
        // etcd starts at the newest revision in the key bucket, or the compaction's if that is newer
        long current = Math.max(last, Math.max(finished, scheduled));
        return new DbMeta(current, finished, scheduled, consistentIndex, term, storageVersion);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            plain.close();
        }
    }
}
