package io.github.jetcdctl.check;

import java.util.SplittableRandom;

import com.google.protobuf.ByteString;

/**
 * etcdctl's check keys: the prefix, then a fixed-size buffer that starts with a random non-negative number in
 * Go's zig-zag varint encoding. The buffer is reused, so a shorter number leaves the tail of the previous one
 * in place, as it does in etcdctl. Not thread-safe: one producer makes the keys.
 */
public final class RandomKeys {
    private final ByteString prefix;
    private final byte[] suffix;
    private final SplittableRandom random;

    public RandomKeys(byte[] prefix, int suffixBytes, SplittableRandom random) {
        this.prefix = ByteString.copyFrom(prefix);
        this.suffix = new byte[suffixBytes];
        this.random = random;
    }

    public ByteString next() {
        putVarint(suffix, random.nextLong(Long.MAX_VALUE));
        return prefix.concat(ByteString.copyFrom(suffix));
    }

    /** Go's binary.PutVarint: zig-zag, then 7 bits per byte, least significant first; returns the length. */
    static int putVarint(byte[] buffer, long value) {
        long zigzag = value << 1;
        if (value < 0) {
            zigzag = ~zigzag;
        }
        int i = 0;
        while (Long.compareUnsigned(zigzag, 0x80) >= 0) {
            buffer[i++] = (byte) (zigzag | 0x80);
            zigzag >>>= 7;
        }
        buffer[i] = (byte) zigzag;
        return i + 1;
    }
}
