package io.github.jetcdctl.check;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outcome of every put of a run: the latency of each success, and a count per error message. Answers
 * arrive on several I/O threads at once; the totals are read after the run, once every put has answered.
 */
public final class Latencies {
    private final long[] nanos;
    private final AtomicInteger successes = new AtomicInteger();
    private final Map<String, Long> errors = new LinkedHashMap<>();

    /** {@code capacity}: the most puts the run can make. */
    public Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void recordSuccess(long latencyNanos) {
        int index = successes.getAndIncrement();
        if (index >= nanos.length) {
            throw new IllegalStateException("more puts answered than the run could make: " + (index + 1));
        }
        nanos[index] = latencyNanos;
    }

    void recordError(String message) {
        synchronized (errors) {
            errors.merge(message, 1L, Long::sum);
        }
    }

    /** etcd's report statistics over the run, which took {@code totalNanos} from its start to its last answer. */
    public LoadStats stats(long totalNanos) {
        int count = Math.min(successes.get(), nanos.length);
        double[] seconds = new double[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = goSeconds(nanos[i]);
        }
        Map<String, Long> errorCounts;
        synchronized (errors) {
            errorCounts = new LinkedHashMap<>(errors);
        }
        return LoadStats.of(seconds, goSeconds(totalNanos), errorCounts);
    }

    /** Go's Duration.Seconds(): whole seconds plus the nanoseconds as a fraction, added in that order. */
    static double goSeconds(long nanos) {
        long whole = nanos / 1_000_000_000L;
        long fraction = nanos % 1_000_000_000L;
        return (double) whole + (double) fraction / 1e9;
    }

    int successes() {
        return successes.get();
    }

    long[] latenciesForTest() {
        return Arrays.copyOf(nanos, Math.min(successes.get(), nanos.length));
    }
}
