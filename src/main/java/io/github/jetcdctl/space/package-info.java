/**
 * Where a member's space goes: keys grouped by Kubernetes resource or by path, their current values, the kept
 * history of an offline db, values encrypted at rest, the largest objects, and how it adds up against the db
 * size, the space in use and the quota. Live (paged ranges at one revision) or offline (a snapshot, a backup file
 * or a stopped member's data dir).
 */
package io.github.jetcdctl.space;
