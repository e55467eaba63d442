package io.github.jetcdctl.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.snapshot.bbolt.BoltWriter;
import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdutl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * {@link KvHash} against etcdutl 3.7.4's {@code hashkv} on generated histories that no short test against a live
 * member reaches: thousands of keys changed many times after a compaction, a compaction that was scheduled but not
 * finished (etcd finishes it when it opens the db), and a store in which every key was deleted at the end.
 */
class KvHashSyntheticGoldenTest {
    @TempDir
    Path dir;

    /** One put per key up to the compaction, then puts and deletions of random keys. */
    private static void generate(Path db, int keys, long revisions, long finished, boolean deleteAllAtEnd)
            throws IOException {
        long compacted = keys + 1;
        boolean[] alive = new boolean[keys];
        long[] created = new long[keys];
        long[] version = new long[keys];
        Random random = new Random(keys);
        try (BoltWriter w = BoltWriter.create(db, 4096)) {
            w.beginBucket(ascii("key"));
            long r = 2;
            for (; r <= revisions; r++) {
                int k = r <= compacted ? (int) (r - 2) : (int) ((r * 7919) % keys);
                boolean delete = r > compacted && alive[k] && r % 10 == 0;
                put(w, r, k, delete, alive, created, version, random);
            }
            if (deleteAllAtEnd) {
                for (int k = 0; k < keys; k++) {
                    if (alive[k]) {
                        put(w, r++, k, true, alive, created, version, random);
                    }
                }
            }
            w.endBucket();
            w.beginBucket(ascii("meta"));
            w.put(ascii("consistent_index"), RestoreDb.u64be(9));
            w.put(ascii("finishedCompactRev"), RestoreDb.revBytes(finished, 0));
            w.put(ascii("scheduledCompactRev"), RestoreDb.revBytes(compacted, 0));
            w.put(ascii("term"), RestoreDb.u64be(2));
            w.endBucket();
            w.finish(2);
        }
    }

    private static void put(BoltWriter w, long r, int k, boolean delete, boolean[] alive, long[] created,
                            long[] version, Random random) throws IOException {
        ByteArrayOutputStream kv = new ByteArrayOutputStream();
        bytesField(kv, 1, ascii(String.format("/registry/pods/ns%d/pod-%06d", k % 7, k)));
        if (delete) {
            alive[k] = false;
        } else {
            if (!alive[k]) {
                created[k] = r;
                version[k] = 0;
                alive[k] = true;
            }
            version[k]++;
            varintField(kv, 2, created[k]);
            varintField(kv, 3, r);
            varintField(kv, 4, version[k]);
            byte[] value = new byte[20 + random.nextInt(100)];
            random.nextBytes(value);
            bytesField(kv, 5, value);
        }
        byte[] revision = RestoreDb.revBytes(r, 0);
        if (delete) {
            revision = java.util.Arrays.copyOf(revision, 18);
            revision[17] = 't';
        }
        w.put(revision, kv.toByteArray());
    }

    private static void varintField(ByteArrayOutputStream out, int field, long v) {
        varint(out, field << 3);
        varint(out, v);
    }

    private static void bytesField(ByteArrayOutputStream out, int field, byte[] b) {
        varint(out, field << 3 | 2);
        varint(out, b.length);
        out.writeBytes(b);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void assertSameAsEtcdutl(Path db, List<Long> revisions) throws IOException {
        Etcdutl etcdutl = Etcdutl.of(EtcdBinaries.forTest(EtcdBinaries.V3_7));
        for (long rev : revisions) {
            Path copy = dir.resolve("etcdutl-" + db.getFileName()); // etcdutl writes to the db it opens
            Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
            ProcessResult expected = etcdutl.run("hashkv", copy.toString(), "--rev", Long.toString(rev), "-w", "json");
            assertEquals(0, expected.exitCode(), expected.toString());
            KvHash.Result ours = KvHash.compute(db, rev);
            assertEquals(expected.stdoutText(), "{\"hash\":" + ours.hash() + ",\"hashRevision\":" + ours.hashRevision()
                    + ",\"compactRevision\":" + ours.compactRevision() + "}\n", db.getFileName() + " at " + rev);
        }
    }

    @Test
    void manyKeysChangedManyTimesAfterACompaction() throws IOException {
        Path db = dir.resolve("compacted.db");
        generate(db, 3000, 20000, 3001, false);
        assertSameAsEtcdutl(db, List.of(0L, 3001L, 3002L, 4567L, 12345L, 20000L));
    }

    @Test
    void aCompactionScheduledButNotFinished() throws IOException {
        Path db = dir.resolve("unfinished.db");
        generate(db, 2000, 9000, 100, false);
        assertSameAsEtcdutl(db, List.of(0L, 2001L, 2500L, 8999L));
    }

    @Test
    void noKeyAliveAtTheEnd() throws IOException {
        Path db = dir.resolve("emptied.db");
        generate(db, 500, 3000, 501, true);
        long last = KvHash.compute(db, 0).hashRevision();
        assertSameAsEtcdutl(db, List.of(0L, last - 1, 501L, 1000L));
    }
}
