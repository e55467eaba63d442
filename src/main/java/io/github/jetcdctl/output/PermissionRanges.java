package io.github.jetcdctl.output;

import java.util.Arrays;

/** How etcdctl names a permission's key range when it prints a role. */
final class PermissionRanges {
    private PermissionRanges() {
    }

    /** A range end of one zero byte means "every key from the start key on". */
    static boolean isOpenEnded(byte[] rangeEnd) {
        return rangeEnd.length == 1 && rangeEnd[0] == 0;
    }

    /** Whether {@code [key, end)} is exactly the keys starting with {@code key}, by etcd's prefix rule. */
    static boolean isPrefixRange(byte[] key, byte[] end) {
        return Arrays.equals(prefixEnd(key), end);
    }

    /** The smallest key after every key with this prefix; a zero byte when there is none (all 0xff). */
    private static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xff) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return new byte[] {0};
    }
}
