package io.github.jetcdctl.client;

import java.util.Arrays;

/** The key-range rules of etcd's client: prefixes, from-key and the whole key space. */
public final class KeyRanges {
    /** A single zero byte: as a range end it means "to the end of the key space". */
    public static final byte[] ZERO = {0};

    private KeyRanges() {
    }

    /**
     * The {key, range end} of {@code --prefix} ({@code prefix} true) or {@code --from-key}: an empty key
     * means the whole key space, as etcd's client spells it.
     */
    public static byte[][] expand(byte[] key, boolean prefix) {
        if (key.length == 0) {
            return new byte[][] {ZERO, ZERO};
        }
        return new byte[][] {key, prefix ? prefixEnd(key) : ZERO};
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xff) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return ZERO;
    }
}
