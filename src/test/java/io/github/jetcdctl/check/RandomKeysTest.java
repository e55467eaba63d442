package io.github.jetcdctl.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

class RandomKeysTest {
    private static byte[] varint(long value) {
        byte[] buffer = new byte[10];
        return Arrays.copyOf(buffer, RandomKeys.putVarint(buffer, value));
    }

    /** Values and encodings from Go's encoding/binary (zig-zag: 0, -1, 1, -2, 2... become 0, 1, 2, 3, 4...). */
    @Test
    void varintsAreGosZigZagEncoding() {
        assertArrayEquals(new byte[] {0}, varint(0));
        assertArrayEquals(new byte[] {1}, varint(-1));
        assertArrayEquals(new byte[] {2}, varint(1));
        assertArrayEquals(new byte[] {0x7e}, varint(63));
        assertArrayEquals(new byte[] {(byte) 0x80, 0x01}, varint(64));
        assertArrayEquals(new byte[] {(byte) 0xac, 0x02}, varint(150));
        byte[] max = varint(Long.MAX_VALUE);
        assertEquals(10, max.length);
        assertEquals((byte) 0xfe, max[0]);
        assertEquals(0x01, max[9]);
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01}, varint(Long.MIN_VALUE));
    }

    @Test
    void keysAreThePrefixAndAFixedSizeSuffixThatStartsWithTheNumber() {
        byte[] prefix = "/etcdctl-check-perf/".getBytes(StandardCharsets.UTF_8);
        RandomKeys keys = new RandomKeys(prefix, 256, new SplittableRandom(7));
        ByteString key = keys.next();
        assertEquals(prefix.length + 256, key.size());
        assertTrue(key.startsWith(ByteString.copyFrom(prefix)));
        long expected = new SplittableRandom(7).nextLong(Long.MAX_VALUE);
        byte[] number = varint(expected);
        assertArrayEquals(number, key.substring(prefix.length, prefix.length + number.length).toByteArray());
        byte[] rest = key.substring(prefix.length + number.length).toByteArray();
        assertArrayEquals(new byte[rest.length], rest, "zeros after the first number");
    }

    /** etcdctl reuses one buffer: a shorter number leaves the end of a longer one behind it. */
    @Test
    void aShorterNumberKeepsTheTailOfTheLongerOneBeforeIt() {
        RandomKeys keys = new RandomKeys(new byte[0], 16, new SplittableRandom(1));
        byte[] buffer = new byte[16];
        int longLength = RandomKeys.putVarint(buffer, Long.MAX_VALUE / 2);
        int shortLength = RandomKeys.putVarint(buffer, 1);
        assertEquals(1, shortLength);
        assertEquals(2, buffer[0]);
        assertTrue(longLength > 1 && buffer[longLength - 1] != 0, "the long number's last byte is still there");
        ByteString first = keys.next();
        ByteString second = keys.next();
        assertEquals(16, first.size());
        assertEquals(16, second.size());
        assertTrue(!first.equals(second), "random keys differ");
    }
}
