package io.github.jetcdctl.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class SnapshotSinkTest {
    @TempDir
    Path dir;

    /** {@code n} random bytes (a multiple of 512) followed by their SHA-256, as etcd sends a snapshot. */
    private static byte[] stream(int n, long seed) throws Exception {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        byte[] out = Arrays.copyOf(data, n + 32);
        System.arraycopy(MessageDigest.getInstance("SHA-256").digest(data), 0, out, n, 32);
        return out;
    }

    /** Feeds {@code bytes} in random chunk sizes (1 byte to 100 KiB, so trailers and 1 MiB blocks get split). */
    private static void feed(SnapshotSink sink, byte[] bytes, long seed) throws Exception {
        Random rnd = new Random(seed);
        for (int off = 0; off < bytes.length; ) {
            int n = Math.min(bytes.length - off, rnd.nextBoolean() ? 1 + rnd.nextInt(40) : 1 + rnd.nextInt(100 << 10));
            sink.write(Arrays.copyOfRange(bytes, off, off + n));
            off += n;
        }
    }

    @Test
    void verifiedStreamIsRenamedIntoPlaceWithOwnerOnlyMode() throws Exception {
        for (int seed = 0; seed < 5; seed++) {
            byte[] s = stream(512 * (1 + seed * 1500), seed);
            Path target = dir.resolve("s" + seed + ".db");
            try (SnapshotSink sink = SnapshotSink.create(target)) {
                feed(sink, s, seed);
                assertEquals(s.length, sink.size());
                sink.commit();
            }
            assertArrayEquals(s, Files.readAllBytes(target));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            assertFalse(Files.exists(dir.resolve("s" + seed + ".db.part")));
        }
    }

    @Test
    void badOrMissingTrailerLeavesNothing() throws Exception {
        byte[] s = stream(512 * 300, 7);
        s[1000] ^= 1;
        Path target = dir.resolve("bad.db");
        try (SnapshotSink sink = SnapshotSink.create(target)) {
            feed(sink, s, 7);
            assertEquals("snapshot sha256 trailer does not match the received data",
                    assertThrows(SnapshotFormatException.class, sink::commit).getMessage());
        }
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("bad.db.part")));

        try (SnapshotSink sink = SnapshotSink.create(target)) {
            feed(sink, Arrays.copyOf(s, 512 * 300), 8);
            assertThrows(SnapshotFormatException.class, sink::commit);
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void abandonedSinkRemovesItsPartFile() throws Exception {
        Path target = dir.resolve("gone.db");
        try (SnapshotSink sink = SnapshotSink.create(target)) {
            feed(sink, stream(512 * 3000, 9), 9);
        }
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("gone.db.part")));
    }
}
