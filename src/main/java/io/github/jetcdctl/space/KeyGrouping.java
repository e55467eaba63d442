package io.github.jetcdctl.space;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How keys fall into groups. Keys under {@code /registry/} are grouped by Kubernetes resource: {@code pods},
 * {@code services/specs}, and a resource of a dotted API group as {@code <group>/<resource>} (custom resources,
 * {@code apiregistration.k8s.io/apiservices}). Other keys are grouped by their first {@code depth} path segments
 * after the prefix, as are all keys when grouping by path. With namespaces, a namespaced object's group also names its namespace: the segment after the
 * resource when another one follows it.
 */
public final class KeyGrouping {
    static final byte[] REGISTRY = "/registry/".getBytes(StandardCharsets.UTF_8);
    private static final byte SLASH = '/';

    private final byte[] prefix;
    private final int depth;
    private final boolean byNamespace;
    private final boolean byPath;

    /** {@code depth} counts path segments after {@code prefix}; at least 1. */
    public KeyGrouping(byte[] prefix, int depth, boolean byNamespace, boolean byPath) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, not " + depth);
        }
        this.prefix = prefix.clone();
        this.depth = depth;
        this.byNamespace = byNamespace;
        this.byPath = byPath;
    }

    public boolean byNamespace() {
        return byNamespace;
    }

    /** The group of {@code key}, a key the scan's range holds. */
    public GroupName groupOf(byte[] key) {
        if (!byPath && startsWith(key, REGISTRY)) {
            return resourceGroup(key);
        }
        return new GroupName(pathGroup(key), null);
    }

    private GroupName resourceGroup(byte[] key) {
        int start = REGISTRY.length;
        int first = indexOf(key, start);
        if (first < 0) {
            return new GroupName(Arrays.copyOfRange(key, start, key.length), null);
        }
        int resourceEnd = first;
        if (isDotted(key, start, first) || isServiceSubResource(key, start, first)) {
            int second = indexOf(key, first + 1);
            resourceEnd = second < 0 ? key.length : second;
        }
        byte[] resource = Arrays.copyOfRange(key, start, resourceEnd);
        String namespace = null;
        if (byNamespace && resourceEnd < key.length) {
            int nameStart = resourceEnd + 1;
            int namespaceEnd = indexOf(key, nameStart);
            namespace = namespaceEnd < 0 ? "" : new String(key, nameStart, namespaceEnd - nameStart,
                    StandardCharsets.UTF_8);
        }
        return new GroupName(resource, namespace);
    }

    /**
     * The key up to the {@code depth}-th slash after the prefix (the slash kept); a key with fewer slashes goes
     * to its own directory (up to its last slash), or to the prefix when it has none after it.
     */
    private byte[] pathGroup(byte[] key) {
        int from = startsWith(key, prefix) ? prefix.length : 0;
        int end = from;
        if (end < key.length && key[end] == SLASH) {
            end++; // a leading slash belongs to the first segment: /app/x groups as /app/, not /
        }
        for (int segment = 0; segment < depth; segment++) {
            int slash = indexOf(key, end);
            if (slash < 0) {
                break;
            }
            end = slash + 1;
        }
        return Arrays.copyOf(key, end);
    }

    private static boolean isDotted(byte[] key, int from, int to) {
        for (int i = from; i < to; i++) {
            if (key[i] == '.') {
                return true;
            }
        }
        return false;
    }

    /** {@code /registry/services/specs/...} and {@code /registry/services/endpoints/...}. */
    private static boolean isServiceSubResource(byte[] key, int from, int to) {
        return new String(key, from, to - from, StandardCharsets.UTF_8).equals("services");
    }

    private static int indexOf(byte[] key, int from) {
        for (int i = from; i < key.length; i++) {
            if (key[i] == SLASH) {
                return i;
            }
        }
        return -1;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
