package io.github.jetcdctl.space;

import java.util.Arrays;
import java.util.Objects;

/**
 * A group of keys: a Kubernetes resource or a key path (raw bytes: keys need not be UTF-8), and with
 * namespaces the namespace ({@code ""} for cluster-scoped objects; null when not grouping by namespace).
 */
public record GroupName(byte[] name, String namespace) {
    public GroupName {
        name = name.clone();
    }

    @Override
    public byte[] name() {
        return name.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupName g && Arrays.equals(name, g.name) && Objects.equals(namespace, g.namespace);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(name) * 31 + Objects.hashCode(namespace);
    }

    @Override
    public String toString() {
        return new String(name, java.nio.charset.StandardCharsets.UTF_8) + (namespace == null ? "" : " " + namespace);
    }
}
