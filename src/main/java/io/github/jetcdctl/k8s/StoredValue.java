package io.github.jetcdctl.k8s;

import java.util.Map;

/** What one etcd value holds, as far as --decode=k8s can tell. */
public sealed interface StoredValue {

    /** A Kubernetes object: from the protobuf envelope, or a JSON-stored object such as a custom resource. */
    record KubernetesObject(Map<String, Object> object) implements StoredValue {
    }

    /**
     * An envelope whose object could be decoded only in part (no protobuf type for its kind, or bytes that do not
     * parse as it): apiVersion, kind and what could be read, with a note on the rest.
     */
    record PartialObject(Map<String, Object> object, String note) implements StoredValue {
    }

    /** A value encrypted at rest: {@code k8s:enc:<provider>:<version>:<keyName>:<ciphertext>}. */
    record Encrypted(String provider, String version, String keyName, int length) implements StoredValue {
        /** The value's prefix, as the API server wrote it. */
        public String prefix() {
            return EncryptionPrefix.MARKER + provider + ":" + version + ":" + keyName;
        }
    }

    /** Any other value that is valid UTF-8. */
    record Text(String text) implements StoredValue {
    }

    /** Any other value. */
    record Binary(byte[] bytes) implements StoredValue {
    }

    /** No value: the key was deleted. */
    record Absent() implements StoredValue {
    }
}
