/**
 * Safe rolling defragmentation of a running cluster (a health gate, optional compaction, followers one at a
 * time and the leader last, a rule for which members qualify, health checks between members) and the one-command
 * recovery from a NOSPACE alarm built on it.
 */
package io.github.jetcdctl.defrag;
