package io.github.jetcdctl.space;

import java.util.List;

/**
 * A member's db as its server (or the file) reports it: total size, pages in use, the quota and any alarms
 * ({@code NOSPACE on member 8e9e05c52164694d}).
 */
public record DbSpace(long dbSize, long inUse, BackendQuota quota, List<String> alarms) {
    public DbSpace {
        alarms = List.copyOf(alarms);
    }

    /** Free pages inside the file: what a defragmentation gives back. */
    public long free() {
        return Math.max(0, dbSize - inUse);
    }

    /** Free pages as a share of the file, 0 to 1. */
    public double freeRatio() {
        return dbSize == 0 ? 0 : (double) free() / dbSize;
    }

    /** The db size as a share of the quota (what etcd compares to raise NOSPACE), or -1 when unknown. */
    public double quotaUsage() {
        return quota.known() ? (double) dbSize / quota.bytes() : -1;
    }
}
