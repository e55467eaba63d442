package io.github.jetcdctl.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

class EncryptionPrefixTest {
    private static Optional<StoredValue.Encrypted> parse(String prefix, byte... ciphertext) {
        return EncryptionPrefix.parse(ByteString.copyFromUtf8(prefix).concat(ByteString.copyFrom(ciphertext)));
    }

    @Test
    void everyProviderIsNamedWithItsVersionAndKey() {
        byte[] ciphertext = {(byte) 0x9c, 0, ':', 0x10};
        for (String[] example : new String[][] {{"aescbc", "v1", "key1"}, {"aesgcm", "v1", "gcm-2024"},
                {"secretbox", "v1", "box"}, {"kms", "v1", "vault"}, {"kms", "v2", "cloud-kms"}}) {
            String prefix = "k8s:enc:" + String.join(":", example);
            StoredValue.Encrypted expected = new StoredValue.Encrypted(example[0], example[1], example[2],
                    prefix.length() + 1 + ciphertext.length);
            assertEquals(Optional.of(expected), parse(prefix + ":", ciphertext), prefix);
            assertEquals(prefix, expected.prefix());
        }
    }

    @Test
    void valuesWithoutTheWholePrefixAreNotEncrypted() {
        assertTrue(parse("plain text").isEmpty());
        assertTrue(parse("k8s:enc:").isEmpty());
        assertTrue(parse("k8s:enc:aescbc:v1:key1").isEmpty(), "no colon after the key name");
        assertTrue(parse("k8s:enc::v1:key1:", (byte) 1).isEmpty(), "no provider");
        assertTrue(parse("k8s\0").isEmpty());
        assertTrue(parse("K8S:ENC:aescbc:v1:key1:").isEmpty());
    }

    @Test
    void aPrefixCutShortByTheValueIsNotOne() {
        assertTrue(parse("k8s:enc:aescbc:v1:" + "k".repeat(600) + ":").isEmpty());
    }
}
