/**
 * Offline snapshot files: status, restore, save's sink, and gzip/zstd detection; the offline defrag of a stopped
 * member's db and the lock probes that keep it off a running member's; the KV history hash of a db or snapshot
 * ({@link io.github.jetcdctl.snapshot.KvHash}) and the storage-version migration of a data directory.
 */
package io.github.jetcdctl.snapshot;
