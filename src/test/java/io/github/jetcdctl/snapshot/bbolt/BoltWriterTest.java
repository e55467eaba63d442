package io.github.jetcdctl.snapshot.bbolt;

import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.github.jetcdctl.snapshot.SnapshotStatusReader;
import io.github.jetcdctl.snapshot.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class BoltWriterTest {
    @TempDir
    Path dir;

    /** Flattens a file into "depth:kind:hex(key)=hex(value)" lines (bucket values omitted: layout differs). */
    static List<String> dump(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        HexFormat hf = HexFormat.of();
        try (BoltReader r = BoltReader.open(p)) {
            r.walk(new BoltVisitor() {
                @Override
                public boolean beginBucket(int depth, byte[] name) {
                    out.add(depth + ":B:" + hf.formatHex(name));
                    return true;
                }

                @Override
                public void keyValue(int depth, byte[] key, byte[] value) {
                    out.add(depth + ":K:" + hf.formatHex(key) + "=" + hf.formatHex(value));
                }

                @Override
                public void endBucket(int depth, byte[] name) {
                    out.add(depth + ":E");
                }
            });
            assertTrue(r.check().isEmpty());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"A.db", "B.db", "C.db", "A1-etcdctl-3.4.23.db"})
    void compactCopyKeepsStatus(String name) throws Exception {
        Path src = TestFiles.snapshot(name);
        Path out = dir.resolve("copy.db");
        try (BoltReader r = BoltReader.open(src); BoltWriter w = BoltWriter.create(out, r.pageSize())) {
            BoltCopy.copyAll(r, w);
            w.finish(r.meta().txid() + 1);
        }
        SnapshotStatus a = SnapshotStatusReader.read(src);
        SnapshotStatus b = SnapshotStatusReader.read(out);
        assertEquals(a.hash(), b.hash());
        assertEquals(a.revision(), b.revision());
        assertEquals(a.totalKey(), b.totalKey());
        assertTrue(b.totalSize() <= a.totalSize(), b + " vs " + a);
        assertEquals(b.totalSize(), Files.size(out));
        assertEquals(dump(src), dump(out));
    }

    @Test
    void bCopyIsCompact() throws Exception {
        Path out = dir.resolve("b.db");
        try (BoltReader r = BoltReader.open(TestFiles.snapshot("B.db")); BoltWriter w = BoltWriter.create(out, 4096)) {
            BoltCopy.copyAll(r, w);
            w.finish(2);
        }
        assertTrue(Files.size(out) < 400_000, "size " + Files.size(out));
    }

    /** A synthetic database exercising inline buckets, multi-level trees, overflow values and nested buckets. */
    public static void writeSynthetic(BoltWriter w, long seed, int bigKeys) throws IOException {
        Random rnd = new Random(seed);
        w.beginBucket(b("alarm"));
        w.endBucket();
        w.beginBucket(b("big"));
        for (int i = 0; i < bigKeys; i++) {
            byte[] v = new byte[rnd.nextInt(i % 97 == 0 ? 200_000 : 1200)];
            rnd.nextBytes(v);
            w.put(String.format("k%08d", i).getBytes(StandardCharsets.US_ASCII), v);
        }
        w.endBucket();
        w.beginBucket(b("inline"));
        w.put(b("a"), b("1"));
        w.put(b("b"), new byte[0]);
        w.endBucket();
        w.beginBucket(b("longkeys"));
        for (int i = 0; i < 40; i++) {
            byte[] k = new byte[5000 + i];
            Arrays.fill(k, (byte) 'x');
            k[k.length - 1] = (byte) i;
            w.put(k, b("v" + i));
        }
        w.endBucket();
        w.beginBucket(b("nest"));
        w.put(b("a"), b("x"));
        w.beginBucket(b("child"));
        w.put(b("c1"), b("y"));
        w.beginBucket(b("grandchild"));
        w.endBucket();
        w.endBucket();
        w.beginBucket(b("child2"));
        for (int i = 0; i < 500; i++) {
            w.put(String.format("n%05d", i).getBytes(StandardCharsets.US_ASCII), new byte[40]);
        }
        w.endBucket();
        w.put(b("z"), b("last"));
        w.endBucket();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 8192, 16384, 65536})
    void pageSizes(int pageSize) throws Exception {
        Path out = dir.resolve("syn-" + pageSize + ".db");
        try (BoltWriter w = BoltWriter.create(out, pageSize)) {
            writeSynthetic(w, 1, 3000);
            w.finish(7);
        }
        try (BoltReader r = BoltReader.open(out)) {
            assertEquals(pageSize, r.pageSize());
            assertEquals(7, r.meta().txid());
            assertTrue(r.check().isEmpty());
        }
        // same content whatever the page size
        Path ref = dir.resolve("ref.db");
        try (BoltWriter w = BoltWriter.create(ref, 4096)) {
            writeSynthetic(w, 1, 3000);
            w.finish(3);
        }
        List<String> d = dump(out);
        assertEquals(dump(ref), d);
        // keys: big 3000, inline 2, longkeys 40, nest a/z, child c1, child2 500; nested buckets: child, grandchild, child2
        assertEquals(3000 + 2 + 40 + 2 + 1 + 500, d.stream().filter(s -> s.contains(":K:")).count());
        assertEquals(3, d.stream().filter(s -> s.startsWith("2:B") || s.startsWith("3:B")).count());
        // damaged copies of the big-page files still fail cleanly
        byte[] bytes = Files.readAllBytes(out);
        Random rnd = new Random(pageSize);
        for (int i = 0; i < 200; i++) {
            byte[] c = bytes.clone();
            int page = 2 + rnd.nextInt(c.length / pageSize - 2);
            c[page * pageSize + rnd.nextInt(64)] ^= (byte) (1 + rnd.nextInt(255));
            Path p = dir.resolve("dmg.db");
            Files.write(p, c);
            try {
                SnapshotStatusReader.read(p);
            } catch (io.github.jetcdctl.snapshot.SnapshotFormatException expected) {
                assertTrue(!expected.getMessage().contains("\n"));
            }
        }
    }

    @Test
    void metaZeroDamagedWithLargePageFallsBackToMetaOne() throws Exception {
        Path out = dir.resolve("p16.db");
        try (BoltWriter w = BoltWriter.create(out, 16384)) {
            writeSynthetic(w, 2, 100);
            w.finish(9);
        }
        byte[] c = Files.readAllBytes(out);
        c[16] ^= 1; // break meta 0's magic
        Path p = dir.resolve("p16b.db");
        Files.write(p, c);
        try (BoltReader r = BoltReader.open(p)) {
            assertEquals(16384, r.pageSize());
            assertEquals(1, r.meta().page());
            assertEquals(8, r.meta().txid());
        }
        assertEquals(SnapshotStatusReader.read(out).hash(), SnapshotStatusReader.read(p).hash());
    }

    @Test
    void emptyDatabaseAndEmptyFreelistPage() throws Exception {
        Path out = dir.resolve("empty.db");
        try (BoltWriter w = BoltWriter.create(out, 4096)) {
            w.persistEmptyFreelist(true);
            w.finish(1);
        }
        assertEquals(new SnapshotStatus(0, 0, 0, 4 * 4096, 0, ""), SnapshotStatusReader.read(out, true));
        try (BoltReader r = BoltReader.open(out)) {
            assertEquals(3, r.meta().freelist());
            assertTrue(r.check().isEmpty());
        }
    }

    @Test
    void unreachableUnfreedWithPersistedFreelist() throws Exception {
        Path out = dir.resolve("fl.db");
        try (BoltWriter w = BoltWriter.create(out, 4096)) {
            w.persistEmptyFreelist(true);
            w.beginBucket(b("x"));
            w.put(b("k"), b("v"));
            w.endBucket();
            w.finish(5);
        }
        // append an orphan page and raise the high-water mark in both metas
        byte[] c = Arrays.copyOf(Files.readAllBytes(out), 5 * 4096);
        Bolt.put64(c, 4 * 4096, 4);
        Bolt.put16(c, 4 * 4096 + 8, Bolt.FLAG_LEAF);
        for (int m = 0; m < 2; m++) {
            BoltMeta old = BoltMeta.parse(m, c, m * 4096 + 16);
            BoltMeta.write(c, m * 4096 + 16, 4096, old.root(), old.freelist(), 5, old.txid());
        }
        Path p = dir.resolve("fl2.db");
        Files.write(p, c);
        SnapshotStatusReader.IntegrityCheckException e = assertThrows(
                SnapshotStatusReader.IntegrityCheckException.class, () -> SnapshotStatusReader.read(p));
        assertEquals(List.of("page 4: unreachable unfreed"), e.errors());
        assertEquals("snapshot file integrity check failed. 1 errors found.\npage 4: unreachable unfreed",
                e.etcdutlMessage());
    }

    @Test
    void orderIsEnforced() throws Exception {
        try (BoltWriter w = BoltWriter.create(dir.resolve("o.db"), 4096)) {
            w.beginBucket(b("m"));
            w.put(b("b"), b("1"));
            assertThrows(IllegalArgumentException.class, () -> w.put(b("a"), b("1")));
            assertThrows(IllegalArgumentException.class, () -> w.put(b("b"), b("1")));
            assertThrows(IllegalArgumentException.class, () -> w.put(new byte[0], b("1")));
            w.endBucket();
            assertThrows(IllegalArgumentException.class, () -> w.beginBucket(b("a")));
            assertThrows(IllegalStateException.class, () -> w.put(b("z"), b("1")));
        }
    }
}
