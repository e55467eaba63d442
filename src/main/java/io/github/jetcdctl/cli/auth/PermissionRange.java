package io.github.jetcdctl.cli.auth;

import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.client.KeyRanges;

/**
 * The key range of a permission from {@code <key> [endkey]} and --prefix/--from-key, by etcdctl's rules.
 * An empty key stands for the whole key space with either flag; etcd needs it spelled as the key
 * {@code \x00} (and an end of {@code \x00}, which the server reads as "open ended").
 */
record PermissionRange(byte[] key, byte[] rangeEnd) {
    private static final byte[] NONE = {};

    /** {@code keyArgs} holds the key and, perhaps, the range end and ignored extra words. */
    static PermissionRange of(List<byte[]> keyArgs, boolean prefix, boolean fromKey) {
        byte[] key = keyArgs.get(0);
        if (key.length == 0) {
            if (prefix && fromKey) {
                throw exclusiveFlags();
            }
            return new PermissionRange(KeyRanges.ZERO, prefix || fromKey ? KeyRanges.ZERO : NONE);
        }
        if (keyArgs.size() == 1) {
            if (prefix && fromKey) {
                throw exclusiveFlags();
            }
            if (prefix) {
                return new PermissionRange(key, KeyRanges.prefixEnd(key));
            }
            return new PermissionRange(key, fromKey ? KeyRanges.ZERO : NONE);
        }
        if (prefix) {
            throw CliException.badArgs("unexpected endkey argument with --prefix flag");
        }
        if (fromKey) {
            throw CliException.badArgs("unexpected endkey argument with --from-key flag");
        }
        return new PermissionRange(key, keyArgs.get(1));
    }

    private static CliException exclusiveFlags() {
        return CliException.badArgs("--from-key and --prefix flags are mutually exclusive");
    }
}
