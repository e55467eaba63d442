package io.github.jetcdctl.snapshot.bbolt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A copy-on-write commit on top of an existing file ({@link BoltWriter#appendTo}) and rightmost-path reads. */
public class BoltAppendTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** big: 3,000 keys over many pages; small: inline; empty: no keys. */
    private Path original() throws IOException {
        Path p = dir.resolve("orig.db");
        try (BoltWriter w = BoltWriter.create(p, 4096)) {
            w.beginBucket(b("big"), 7);
            for (int i = 0; i < 3000; i++) {
                w.put(b(String.format("k%05d", i)), new byte[100 + i % 50]);
            }
            w.endBucket();
            w.beginBucket(b("empty"));
            w.endBucket();
            w.beginBucket(b("small"));
            w.put(b("a"), b("1"));
            w.put(b("b"), b("2"));
            w.endBucket();
            w.finish(10);
        }
        return p;
    }

    @Test
    void commitOnTopKeepsUntouchedBucketsInPlace() throws Exception {
        Path p = original();
        List<String> before = BoltWriterTest.dump(p);
        long oldPgid;
        long oldSize = Files.size(p);
        try (BoltReader r = BoltReader.open(p);
             BoltWriter w = BoltWriter.appendTo(p, r.pageSize(), r.meta().pgid())) {
            oldPgid = r.meta().pgid();
            BoltCursor c = r.rootCursor();
            while (c.next()) {
                if (new String(c.key(), StandardCharsets.US_ASCII).equals("small")) {
                    w.beginBucket(c.key());
                    w.put(b("c"), b("3"));
                    w.endBucket();
                } else {
                    w.putBucketValue(c.key(), c.value());
                }
            }
            w.finish(r.meta().txid() + 1);
        }
        List<String> expected = new ArrayList<>();
        for (String line : before) {
            if (!line.equals("1:K:61=31") && !line.equals("1:K:62=32")) {
                expected.add(line);
            }
            if (line.equals("1:B:736d616c6c")) { // "small" gets the one new key
                expected.add("1:K:63=33");
            }
        }
        List<String> after = BoltWriterTest.dump(p); // dump also runs the integrity check
        assertEquals(expected.size(), after.size());
        assertTrue(expected.equals(after), "contents differ from the expected edit");
        try (BoltReader r = BoltReader.open(p)) {
            assertEquals(11, r.meta().txid());
            // only the new root leaf was added: the big bucket's pages were not rewritten
            assertEquals(oldPgid + 1, r.meta().pgid());
            assertEquals(oldSize + 4096, Files.size(p));
            BoltCursor c = r.rootCursor();
            assertTrue(c.seekForward(b("big")));
            assertEquals(7, Bolt.u64(c.value(), 8), "bucket sequence kept");
        }
    }

    @Test
    void lastKeyReadsTheRightmostPath() throws Exception {
        Path p = original();
        try (BoltReader r = BoltReader.open(p)) {
            BoltCursor c = r.rootCursor();
            assertTrue(c.seekForward(b("big")));
            assertTrue(Bolt.u64(c.value(), 0) != 0, "big is a paged bucket");
            assertArrayEquals(b("k02999"), r.lastKey(c.value()));
            assertTrue(c.seekForward(b("empty")));
            assertNull(r.lastKey(c.value()));
            assertTrue(c.seekForward(b("small")));
            assertEquals(0, Bolt.u64(c.value(), 0), "small is inline");
            assertArrayEquals(b("b"), r.lastKey(c.value()));
        }
    }

    /** One copy-on-write commit that appends {@code key} to bucket {@code name}, keeping every other bucket. */
    private static void commitAppend(Path p, String name, byte[] key, byte[] value) throws IOException {
        try (BoltReader r = BoltReader.open(p);
             BoltWriter w = BoltWriter.appendTo(p, r.pageSize(), r.meta().pgid())) {
            BoltCursor c = r.rootCursor();
            while (c.next()) {
                if (new String(c.key(), StandardCharsets.US_ASCII).equals(name)) {
                    w.putBucketValue(c.key(), w.appendLargest(r, c.value(), key, value));
                } else {
                    w.putBucketValue(c.key(), c.value());
                }
            }
            w.finish(r.meta().txid() + 1);
        }
    }

    @Test
    void appendingTheLargestKeyRewritesOnlyTheRightmostPath() throws Exception {
        Path p = original();
        List<String> expected = new ArrayList<>(BoltWriterTest.dump(p));
        long before;
        try (BoltReader r = BoltReader.open(p)) {
            before = r.meta().pgid();
        }
        commitAppend(p, "big", b("k99999"), b("last"));
        expected.add(expected.indexOf("1:B:656d707479") - 1, "1:K:6b3939393939=6c617374"); // before big's 1:E
        assertTrue(expected.equals(BoltWriterTest.dump(p)), "big gained exactly one key at its end");
        try (BoltReader r = BoltReader.open(p)) {
            // a leaf and one branch (3,000 keys of ~150 bytes on 4 KiB pages: two levels), plus the new root leaf
            assertTrue(r.meta().pgid() - before <= 3, (r.meta().pgid() - before) + " pages written");
            BoltCursor c = r.rootCursor();
            assertTrue(c.seekForward(b("big")));
            assertEquals(7, Bolt.u64(c.value(), 8), "bucket sequence kept");
            assertArrayEquals(b("k99999"), r.lastKey(c.value()));
        }
    }

    /** Small pages and many appends: full leaves get siblings, full branches too, and the root splits. */
    @Test
    void manyAppendsSplitLeavesBranchesAndTheRoot() throws Exception {
        Path p = dir.resolve("small-pages.db");
        try (BoltWriter w = BoltWriter.create(p, 1024)) {
            w.beginBucket(b("key"));
            for (int i = 0; i < 200; i++) {
                w.put(b(String.format("r%05d", i)), new byte[20]);
            }
            w.endBucket();
            w.beginBucket(b("meta"));
            w.put(b("m"), b("1"));
            w.endBucket();
            w.finish(3);
        }
        List<String> expected = new ArrayList<>(BoltWriterTest.dump(p));
        int depthBefore;
        try (BoltReader r = BoltReader.open(p)) {
            depthBefore = depth(r, "key");
        }
        for (int i = 200; i < 500; i++) {
            byte[] k = b(String.format("r%05d", i));
            byte[] v = new byte[i % 7 == 0 ? 900 : 100]; // some values nearly fill a page on their own
            commitAppend(p, "key", k, v);
            expected.add(expected.indexOf("1:B:6d657461") - 1,
                    "1:K:" + java.util.HexFormat.of().formatHex(k) + "=" + java.util.HexFormat.of().formatHex(v));
            if (i % 50 == 0 || i == 499) {
                assertTrue(expected.equals(BoltWriterTest.dump(p)), "after appending " + (i + 1) + " keys");
            }
        }
        try (BoltReader r = BoltReader.open(p)) {
            assertTrue(depth(r, "key") > depthBefore, "the root split on the way");
        }
    }

    private static int depth(BoltReader r, String bucket) throws IOException {
        BoltCursor c = r.rootCursor();
        assertTrue(c.seekForward(b(bucket)));
        int d = 1;
        for (BoltPage page = r.readPage(Bolt.u64(c.value(), 0)); page.isBranch();
             page = r.readPage(page.branchChild(page.count() - 1))) {
            d++;
        }
        return d;
    }
}
