package io.github.jetcdctl.output;

import java.util.Map;

import io.github.jetcdctl.check.DatascaleLoad;
import io.github.jetcdctl.check.LoadStats;
import io.github.jetcdctl.check.PerfVerdict;

/** The lines check perf and check datascale print on stdout, whatever --write-out says, as etcdctl does. */
public final class CheckMessages {
    private final Output out;

    public CheckMessages(Output out) {
        this.out = out;
    }

    /** check perf's report; etcdctl's slowest and stddev failures are the lines without a FAIL: prefix. */
    public void perfReport(PerfVerdict verdict) {
        LoadStats stats = verdict.stats();
        errors(stats.errors());
        long writes = verdict.reportedWritesPerSecond();
        out.println(verdict.throughputOk() ? "PASS: Throughput is " + writes + " writes/s"
                : "FAIL: Throughput too low: " + writes + " writes/s");
        String slowest = seconds(stats.slowest());
        out.println(verdict.slowestOk() ? "PASS: Slowest request took " + slowest
                : "Slowest request took too long: " + slowest);
        String stddev = seconds(stats.stddev());
        out.println(verdict.stddevOk() ? "PASS: Stddev is " + stddev : "Stddev too high: " + stddev);
        out.println(verdict.passed() ? "PASS" : "FAIL").flush();
    }

    public void cleanupFailed(String error) {
        out.println("FAIL: Cleanup failed during key deletion: ERROR(" + error + ")").flush();
    }

    public void compacting(long revision) {
        out.println("Compacting with revision " + revision).flush();
    }

    public void compacted(long revision) {
        out.println("Compacted with revision " + revision).flush();
    }

    public void defragmenting(String endpoint) {
        out.println("Defragmenting " + GoQuote.quote(endpoint)).flush();
    }

    public void defragmented(String endpoint) {
        out.println("Defragmented " + GoQuote.quote(endpoint)).flush();
    }

    public void datascaleStart(DatascaleLoad load) {
        out.println("Start data scale check for work load [" + load.keys() + " key-value pairs, " + load.kvBytes()
                + " bytes per key-value, " + load.clients() + " concurrent clients].").flush();
    }

    /** Why the memory could not be read (etcdctl's fetch, parse or lookup message), as it prints it. */
    public void memoryProblem(String line) {
        out.println(line).flush();
    }

    /** {@code when}: "before" or "after" the put operations. */
    public void memoryUnreadable(String when) {
        out.println("FAIL: Could not read process_resident_memory_bytes " + when + " the put operations.").flush();
    }

    /** The datascale verdict: the errors, if any (then the caller exits 1), else the memory used in MiB. */
    public void datascaleReport(LoadStats stats, double bytesBefore, double bytesAfter) {
        if (!stats.errors().isEmpty()) {
            errors(stats.errors());
        } else {
            double mebibytes = (bytesAfter - bytesBefore) / (1024 * 1024);
            out.println("PASS: Approximate system memory used : " + GoFloat.fixed(mebibytes, 2) + " MB.");
        }
        out.flush();
    }

    private void errors(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return;
        }
        out.println("FAIL: too many errors");
        errors.forEach((message, count) -> out.println("FAIL: ERROR(" + message + ") -> " + count));
    }

    /** Go's {@code %fs} of a float64 number of seconds. */
    static String seconds(double seconds) {
        return GoFloat.fixed(seconds, 6) + "s";
    }
}
