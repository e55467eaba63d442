package io.github.jetcdctl.k8s;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.google.protobuf.ByteString;

/**
 * Values the API server encrypted at rest start with {@code k8s:enc:<provider>:<version>:<keyName>:} (aescbc,
 * aesgcm, secretbox and kms v1 and v2 alike; the identity provider writes no prefix).
 */
public final class EncryptionPrefix {
    static final String MARKER = "k8s:enc:";
    private static final ByteString MARKER_BYTES = ByteString.copyFromUtf8(MARKER);
    /** Provider, version and key names are short; a prefix longer than this is not one. */
    private static final int MAX_PREFIX = 512;

    private EncryptionPrefix() {
    }

    /** The prefix of a value encrypted at rest, or empty for any other value. */
    public static Optional<StoredValue.Encrypted> parse(ByteString value) {
        if (!value.startsWith(MARKER_BYTES)) {
            return Optional.empty();
        }
        String[] parts = new String[3];
        int start = MARKER_BYTES.size();
        int end = Math.min(value.size(), MAX_PREFIX);
        for (int part = 0; part < parts.length; part++) {
            int colon = indexOf(value, (byte) ':', start, end);
            if (colon <= start) {
                return Optional.empty();
            }
            parts[part] = value.substring(start, colon).toString(StandardCharsets.UTF_8);
            start = colon + 1;
        }
        return Optional.of(new StoredValue.Encrypted(parts[0], parts[1], parts[2], value.size()));
    }

    private static int indexOf(ByteString value, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.byteAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
