package io.github.jetcdctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** etcdctl's thresholds: throughput above 90% of the rate, slowest at most 0.5 s, stddev at most 0.1 s, no error. */
class PerfVerdictTest {
    private static final PerfLoad SMALL = PerfLoad.named("s");

    private static LoadStats stats(double rps, double slowest, double stddev, Map<String, Long> errors) {
        return new LoadStats(100, rps, slowest, 0.001, stddev, errors);
    }

    @Test
    void aHealthyRunPasses() {
        PerfVerdict verdict = PerfVerdict.judge(stats(149.98, 0.029, 0.0008, Map.of()), SMALL);
        assertTrue(verdict.passed());
        assertEquals(150, verdict.reportedWritesPerSecond(), "truncated, plus one");
    }

    @Test
    void throughputFailsAtNinetyPercentOfTheRateAndBelow() {
        assertFalse(PerfVerdict.judge(stats(135.0, 0.01, 0.001, Map.of()), SMALL).throughputOk());
        assertTrue(PerfVerdict.judge(stats(135.0001, 0.01, 0.001, Map.of()), SMALL).throughputOk());
        assertEquals(136, PerfVerdict.judge(stats(135.0, 0.01, 0.001, Map.of()), SMALL).reportedWritesPerSecond());
    }

    @Test
    void slowestAndStddevFailOnlyAboveTheirLimits() {
        assertTrue(PerfVerdict.judge(stats(150, 0.5, 0.1, Map.of()), SMALL).passed());
        PerfVerdict slow = PerfVerdict.judge(stats(150, 0.5000001, 0.1, Map.of()), SMALL);
        assertFalse(slow.slowestOk());
        assertTrue(slow.stddevOk());
        assertFalse(slow.passed());
        assertFalse(PerfVerdict.judge(stats(150, 0.2, 0.1000001, Map.of()), SMALL).stddevOk());
    }

    @Test
    void anyErrorFails() {
        PerfVerdict verdict = PerfVerdict.judge(stats(150, 0.01, 0.001, Map.of("context canceled", 1L)), SMALL);
        assertFalse(verdict.errorsFree());
        assertTrue(verdict.throughputOk());
        assertFalse(verdict.passed());
    }

    @Test
    void nanStddevPassesAsInEtcdctl() {
        assertTrue(PerfVerdict.judge(stats(150, 0.01, Double.NaN, Map.of()), SMALL).stddevOk());
    }
}
