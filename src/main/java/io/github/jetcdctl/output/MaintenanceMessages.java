package io.github.jetcdctl.output;

import java.io.PrintStream;

/** Lines that compaction and defrag print the same way whatever --write-out says, as etcdctl does. */
public final class MaintenanceMessages {
    private final Output out;
    private final PrintStream err;
    private final EtcdctlLine line;

    public MaintenanceMessages(Output out, PrintStream err, EtcdctlLine line) {
        this.out = out;
        this.err = err;
        this.line = line;
    }

    public void compacted(long revision) {
        out.println("compacted revision " + revision);
    }

    /** {@code tookNanos}: the Defragment call's duration, which etcdctl 3.6 and later report. */
    public void defragmented(String endpoint, long tookNanos) {
        out.println("Finished defragmenting etcd member[" + endpoint + "]"
                + (line.defragReportsDuration() ? ". took " + GoDuration.format(tookNanos) : ""));
    }

    /** stdout is flushed first so that both streams keep etcdctl's order on a terminal. */
    public void defragmentFailed(String endpoint, long tookNanos, String error) {
        out.flush();
        err.println("Failed to defragment etcd member[" + endpoint + "]"
                + (line.defragReportsDuration() ? ". took " + GoDuration.format(tookNanos) + "." : "")
                + " (" + error + ")");
    }
}
