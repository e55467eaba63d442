/**
 * Offline snapshot files: status, restore, save's sink, and gzip/zstd detection; the offline defrag of a stopped
 * member's db and the lock probes that keep it off a running member's.
 */
package io.github.jetcdctl.snapshot;
