package io.github.jetcdctl.snapshot;

/**
 * What {@code etcdutl snapshot status} (3.5) reports.
 *
 * @param hash      CRC-32C over bucket names, keys and values (unsigned 32-bit value)
 * @param revision  main revision of the last key in the {@code key} bucket
 * @param totalKey  number of entries in all top-level buckets
 * @param totalSize {@code meta.pgid × pageSize}
 */
public record SnapshotStatus(long hash, long revision, long totalKey, long totalSize) {

    /** {@code {"hash":…,"revision":…,"totalKey":…,"totalSize":…}} without a newline. */
    public String toJson() {
        return "{\"hash\":" + hash + ",\"revision\":" + revision + ",\"totalKey\":" + totalKey + ",\"totalSize\":"
                + totalSize + "}";
    }
}
