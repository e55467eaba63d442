/** Offline snapshot files: status, restore, save's sink, and gzip/zstd detection. */
package io.github.jetcdctl.snapshot;
