package io.github.jetcdctl.snapshot.bbolt;

import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.github.jetcdctl.snapshot.SnapshotStatusReader;
import io.github.jetcdctl.snapshot.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged inputs must give a status or a one-line SnapshotFormatException: never a hang, a crash or another error. */
class MalformedInputTest {
    @TempDir
    Path dir;

    /** Runs status on {@code content}; returns the status or null when it was rejected cleanly. */
    private SnapshotStatus statusOrNull(byte[] content, String what) throws IOException {
        Path p = dir.resolve("f.db");
        Files.write(p, content);
        try {
            return SnapshotStatusReader.read(p, true); // with etcdutl 3.6's live-key count, which decodes values
        } catch (SnapshotFormatException e) {
            String m = e.getMessage();
            assertFalse(m == null || m.isBlank() || m.contains("\n"), what + ": bad message " + m);
            return null;
        } catch (Throwable t) {
            throw new AssertionError(what + ": unexpected " + t, t);
        }
    }

    private SnapshotFormatException rejected(byte[] content) throws IOException {
        Path p = dir.resolve("r.db");
        Files.write(p, content);
        return assertThrows(SnapshotFormatException.class, () -> SnapshotStatusReader.read(p));
    }

    @Test
    void truncatedAtManyOffsets() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String name : new String[]{"A.db", "B.db", "C.db"}) {
                byte[] b = TestFiles.bytes(name);
                long total = SnapshotStatusReader.read(TestFiles.snapshot(name)).totalSize();
                Random rnd = new Random(name.hashCode());
                for (int i = 0; i < 300; i++) {
                    int len = i < 100 ? i * 41 : rnd.nextInt(b.length);
                    SnapshotStatus s = statusOrNull(Arrays.copyOf(b, len), name + " truncated to " + len);
                    if (len < total) {
                        assertEquals(null, s, name + " truncated to " + len + " must be rejected");
                    }
                }
            }
        });
    }

    @Test
    void everyByteOfAFlipped() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            byte[] a = TestFiles.bytes("A.db");
            for (int i = 0; i < a.length; i++) {
                for (int x : new int[]{0x01, 0x80, 0xff}) {
                    byte[] c = a.clone();
                    c[i] ^= (byte) x;
                    statusOrNull(c, "A.db byte " + i + " ^ " + x);
                }
            }
        });
    }

    @Test
    void randomFlipsInBAndC() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (String name : new String[]{"B.db", "C.db"}) {
                byte[] b = TestFiles.bytes(name);
                Random rnd = new Random(42);
                for (int i = 0; i < 1500; i++) {
                    byte[] c = b.clone();
                    int flips = 1 + rnd.nextInt(4);
                    // bias towards page headers and element tables, where damage is structural
                    for (int f = 0; f < flips; f++) {
                        int page = rnd.nextInt(b.length / 4096);
                        int off = page * 4096 + (rnd.nextBoolean() ? rnd.nextInt(256) : rnd.nextInt(4096));
                        c[Math.min(off, c.length - 1)] = (byte) rnd.nextInt(256);
                    }
                    statusOrNull(c, name + " random damage " + i);
                }
            }
        });
    }

    @Test
    void zeroedPages() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            byte[] b = TestFiles.bytes("B.db");
            for (int page = 0; page < b.length / 4096; page++) {
                byte[] c = b.clone();
                Arrays.fill(c, page * 4096, page * 4096 + 4096, (byte) 0);
                statusOrNull(c, "B.db page " + page + " zeroed");
            }
        });
    }

    @Test
    void randomFiles() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random rnd = new Random(7);
            for (int i = 0; i < 200; i++) {
                byte[] c = new byte[rnd.nextInt(5) * 4096 + rnd.nextInt(64)];
                rnd.nextBytes(c);
                assertEquals(null, statusOrNull(c, "random " + i));
            }
        });
    }

    @Test
    void randomFileWithValidMetas() {
        // valid meta pages over random data pages: the tree walk itself must fail cleanly
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random rnd = new Random(11);
            for (int i = 0; i < 300; i++) {
                int pages = 3 + rnd.nextInt(8);
                byte[] c = new byte[pages * 4096];
                rnd.nextBytes(c);
                for (int p = 0; p < 2; p++) {
                    Arrays.fill(c, p * 4096, p * 4096 + 4096, (byte) 0);
                    Bolt.put64(c, p * 4096, p);
                    Bolt.put16(c, p * 4096 + 8, Bolt.FLAG_META);
                    BoltMeta.write(c, p * 4096 + 16, 4096, 2 + rnd.nextInt(pages - 2), Bolt.NO_FREELIST, pages, 5 - p);
                }
                // make page headers plausible half the time so that deeper code runs
                if (rnd.nextBoolean()) {
                    for (int p = 2; p < pages; p++) {
                        Bolt.put64(c, p * 4096, p);
                        Bolt.put16(c, p * 4096 + 8, rnd.nextBoolean() ? Bolt.FLAG_BRANCH : Bolt.FLAG_LEAF);
                        Bolt.put16(c, p * 4096 + 10, rnd.nextInt(8));
                        Bolt.put32(c, p * 4096 + 12, rnd.nextInt(3));
                    }
                }
                statusOrNull(c, "valid metas, random pages " + i);
            }
        });
    }

    @Test
    void cycleIsRejected() throws Exception {
        // page 2: a branch whose only child is itself
        byte[] c = new byte[3 * 4096];
        for (int p = 0; p < 2; p++) {
            Bolt.put64(c, p * 4096, p);
            Bolt.put16(c, p * 4096 + 8, Bolt.FLAG_META);
            BoltMeta.write(c, p * 4096 + 16, 4096, 2, Bolt.NO_FREELIST, 3, 5 - p);
        }
        int base = 2 * 4096;
        Bolt.put64(c, base, 2);
        Bolt.put16(c, base + 8, Bolt.FLAG_BRANCH);
        Bolt.put16(c, base + 10, 1);
        Bolt.put32(c, base + 16, 16);
        Bolt.put32(c, base + 20, 1);
        Bolt.put64(c, base + 24, 2);
        c[base + 32] = 'a';
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertTrue(rejected(c).getMessage().contains("multiple references")));
    }

    @Test
    void metaErrorsMatchBbolt() throws Exception {
        byte[] a = TestFiles.bytes("A.db");
        byte[] m0 = a.clone();
        m0[40] ^= 1; // root field of meta 0: checksum breaks, meta 1 is used
        assertEquals(1356156046L, statusOrNull(m0, "meta0").hash());
        byte[] both = m0.clone();
        both[4096 + 40] ^= 1;
        assertEquals("checksum error", rejected(both).etcdutlMessage());
        assertEquals("write " + dir.resolve("r.db") + ": bad file descriptor", rejected(new byte[0]).etcdutlMessage());
        assertEquals("invalid database", rejected(Arrays.copyOf(a, 100)).etcdutlMessage());
        byte[] rnd = new byte[8192];
        new Random(1).nextBytes(rnd);
        assertEquals("invalid database", rejected(rnd).etcdutlMessage());
    }

    @Test
    void truncatedMessage() throws Exception {
        byte[] b = TestFiles.bytes("B.db");
        String m = rejected(Arrays.copyOf(b, 300_000)).getMessage();
        assertTrue(m.startsWith("snapshot file is truncated"), m);
    }

    @Test
    void swappedLeafElementsAreRejected() throws Exception {
        // key bucket leaf elements out of order: etcdutl 3.5 refuses such a file
        byte[] b = TestFiles.bytes("A.db");
        try (BoltReader r = BoltReader.open(TestFiles.snapshot("A.db"))) {
            assertEquals(2, r.meta().root());
        }
        // swap the element headers of the first two top-level buckets (alarm, auth) in root page 2
        byte[] c = b.clone();
        int e0 = 2 * 4096 + 16;
        int e1 = e0 + 16;
        byte[] tmp = Arrays.copyOfRange(c, e0, e0 + 16);
        System.arraycopy(c, e1, c, e0, 16);
        System.arraycopy(tmp, 0, c, e1, 16);
        // pos is element-relative: fix them so that they still point at the same keys
        Bolt.put32(c, e0 + 4, Bolt.u32(c, e0 + 4) + 16);
        Bolt.put32(c, e1 + 4, Bolt.u32(c, e1 + 4) - 16);
        String m = rejected(c).getMessage();
        assertTrue(m.contains("needs to be > than previous element"), m);
    }

    @Test
    void wrongPageIdIsRejected() throws Exception {
        byte[] b = TestFiles.bytes("B.db");
        byte[] c = b.clone();
        try (BoltReader r = BoltReader.open(TestFiles.snapshot("B.db"))) {
            long root = r.meta().root();
            Bolt.put64(c, (int) root * 4096, root + 1);
            String m = rejected(c).getMessage();
            assertTrue(m.contains("header identifies it as page " + (root + 1)), m);
        }
    }
}
