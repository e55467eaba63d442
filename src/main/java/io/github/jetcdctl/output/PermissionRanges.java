package io.github.jetcdctl.output;

import java.util.Arrays;

import io.github.jetcdctl.client.KeyRanges;

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
        return Arrays.equals(KeyRanges.prefixEnd(key), end);
    }
}
