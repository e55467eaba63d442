package io.github.jetcdctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Statistics as etcd's pkg/report computes them. */
class LoadStatsTest {
    @Test
    void throughputIsSuccessesOverTheWholeRunAndStddevIsThePopulations() {
        Latencies latencies = new Latencies(10);
        for (long nanos : new long[] {1_000_000, 2_000_000, 3_000_000, 6_000_000}) {
            latencies.recordSuccess(nanos);
        }
        latencies.recordError("etcdserver: request timed out");
        latencies.recordError("etcdserver: request timed out");
        latencies.recordError("context canceled");
        LoadStats stats = latencies.stats(2_000_000_000L);
        assertEquals(4, stats.successes());
        assertEquals(2.0, stats.requestsPerSecond(), 0.0, "4 successes in 2 s; errors do not count");
        assertEquals(0.006, stats.slowest(), 0.0);
        assertEquals(0.003, stats.average(), 1e-18);
        // deviations -2, -1, 0, 3 ms: mean square 14/4 ms^2
        assertEquals(Math.sqrt(3.5e-6), stats.stddev(), 1e-15);
        assertEquals(Map.of("etcdserver: request timed out", 2L, "context canceled", 1L), stats.errors());
        assertEquals(List.of("etcdserver: request timed out", "context canceled"), List.copyOf(stats.errors().keySet()),
                "errors in the order they first happened");
    }

    @Test
    void withoutSuccessesAverageAndStddevAreNaNAndTheSlowestIsZero() {
        LoadStats stats = new Latencies(1).stats(1_000_000_000L);
        assertEquals(0, stats.requestsPerSecond(), 0.0);
        assertEquals(0, stats.slowest(), 0.0);
        assertTrue(Double.isNaN(stats.average()));
        assertTrue(Double.isNaN(stats.stddev()));
    }

    @Test
    void secondsAreWholeSecondsPlusTheFractionAsGoAddsThem() {
        assertEquals(1.5, Latencies.goSeconds(1_500_000_000L), 0.0);
        assertEquals(0.000123456, Latencies.goSeconds(123_456L), 0.0);
        assertEquals(3.0 + 7e-9, Latencies.goSeconds(3_000_000_007L), 0.0);
    }
}
