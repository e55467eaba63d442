package io.github.jetcdctl.snapshot;

/**
 * What {@code etcdutl snapshot status} reports.
 *
 * @param hash           CRC-32C over bucket names, keys and values (unsigned 32-bit value)
 * @param revision       main revision of the last key in the {@code key} bucket
 * @param totalKey       number of entries in all top-level buckets (etcdutl 3.5's "total keys")
 * @param totalSize      {@code meta.pgid × pageSize}
 * @param liveKeys       user keys whose newest revision is not a deletion (etcdutl 3.6's "total keys"); -1 when
 *                       not counted
 * @param storageVersion the meta bucket's {@code storageVersion} (etcd 3.6 and later), else empty
 */
public record SnapshotStatus(long hash, long revision, long totalKey, long totalSize, long liveKeys,
        String storageVersion) {

    /** {@code {"hash":…,"revision":…,"totalKey":…,"totalSize":…}} without a newline. */
    public String toJson() {
        return "{\"hash\":" + hash + ",\"revision\":" + revision + ",\"totalKey\":" + totalKey + ",\"totalSize\":"
                + totalSize + "}";
    }
}
