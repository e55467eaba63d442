package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.check.DatascaleLoad;
import io.github.jetcdctl.check.LoadStats;
import io.github.jetcdctl.check.PerfLoad;
import io.github.jetcdctl.check.PerfVerdict;

/** The report lines of etcdctl 3.5.16's check commands (etcdctl/ctlv3/command/check.go). */
class CheckMessagesTest {
    private static String print(Consumer<CheckMessages> printing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output out = new Output(bytes);
        printing.accept(new CheckMessages(out));
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String perf(double rps, double slowest, double stddev, Map<String, Long> errors) {
        LoadStats stats = new LoadStats(9000, rps, slowest, 0.002, stddev, errors);
        return print(m -> m.perfReport(PerfVerdict.judge(stats, PerfLoad.named("s"))));
    }

    @Test
    void aPassingPerfReport() {
        assertEquals("PASS: Throughput is 150 writes/s\nPASS: Slowest request took 0.029415s\n"
                + "PASS: Stddev is 0.000818s\nPASS\n", perf(149.993, 0.029415, 0.000818, Map.of()));
    }

    @Test
    void failuresKeepEtcdctlsWordingIncludingTheLinesWithoutFailPrefix() {
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("etcdserver: request timed out", 3L);
        errors.put("context canceled", 1L);
        assertEquals("FAIL: too many errors\nFAIL: ERROR(etcdserver: request timed out) -> 3\n"
                + "FAIL: ERROR(context canceled) -> 1\n"
                + "FAIL: Throughput too low: 101 writes/s\nSlowest request took too long: 1.339864s\n"
                + "Stddev too high: 0.397117s\nFAIL\n", perf(100.6, 1.339864, 0.397117, errors));
    }

    @Test
    void aRunWithoutAnySuccessPrintsGosNaN() {
        assertEquals("FAIL: Throughput too low: 1 writes/s\nPASS: Slowest request took 0.000000s\n"
                + "PASS: Stddev is NaNs\nFAIL\n", perf(0, 0, Double.NaN, Map.of()));
    }

    @Test
    void compactionDefragAndCleanupLines() {
        assertEquals("Compacting with revision 9002\nCompacted with revision 9002\n"
                + "Defragmenting \"127.0.0.1:2379\"\nDefragmented \"127.0.0.1:2379\"\n"
                + "FAIL: Cleanup failed during key deletion: ERROR(context deadline exceeded)\n", print(m -> {
                    m.compacting(9002);
                    m.compacted(9002);
                    m.defragmenting("127.0.0.1:2379");
                    m.defragmented("127.0.0.1:2379");
                    m.cleanupFailed("context deadline exceeded");
                }));
    }

    @Test
    void datascaleLines() {
        assertEquals("Start data scale check for work load [10000 key-value pairs, 1024 bytes per key-value, "
                + "50 concurrent clients].\n", print(m -> m.datascaleStart(DatascaleLoad.named("s"))));
        LoadStats clean = new LoadStats(10000, 2000, 0.1, 0.01, 0.01, Map.of());
        assertEquals("PASS: Approximate system memory used : 43.78 MB.\n",
                print(m -> m.datascaleReport(clean, 20_000_000, 20_000_000 + 43.78 * 1024 * 1024)));
        assertEquals("PASS: Approximate system memory used : -1.50 MB.\n",
                print(m -> m.datascaleReport(clean, 3 * 1024 * 1024, 1.5 * 1024 * 1024)), "memory can shrink");
        LoadStats failed = new LoadStats(9999, 2000, 0.1, 0.01, 0.01, Map.of("etcdserver: too many requests", 1L));
        assertEquals("FAIL: too many errors\nFAIL: ERROR(etcdserver: too many requests) -> 1\n",
                print(m -> m.datascaleReport(failed, 1, 2)));
        assertEquals("FAIL: Could not read process_resident_memory_bytes before the put operations.\n",
                print(m -> m.memoryUnreadable("before")));
    }
}
