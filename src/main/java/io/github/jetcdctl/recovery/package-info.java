/**
 * Recovering what was lost, offline: the key history kept in snapshot files, backups and data dirs (read with the
 * project's own bbolt reader), ranges read from them as a live {@code get} would answer, the time line of a key
 * across many files, and Kubernetes manifests of old revisions.
 */
package io.github.jetcdctl.recovery;
