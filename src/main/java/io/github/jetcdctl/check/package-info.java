/**
 * The workloads of {@code check perf} and {@code check datascale}: etcdctl's load tables, its key generator, a
 * rate limiter that does not drift, many-client asynchronous puts with their latencies, the statistics and
 * verdicts etcdctl reports, and the member's resident memory read from its metrics.
 */
package io.github.jetcdctl.check;
