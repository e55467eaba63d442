/** Snapshot commands: save from a live member, and status and restore of a snapshot file. */
package io.github.jetcdctl.cli.snapshot;
