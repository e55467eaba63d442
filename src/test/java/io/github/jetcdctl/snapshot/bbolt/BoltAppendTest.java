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
}
