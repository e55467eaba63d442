package io.github.jetcdctl.output;

import java.io.PrintStream;

/** Lines that compaction and defrag print the same way whatever --write-out says, as etcdctl does. */
public final class MaintenanceMessages {
    private final Output out;
    private final PrintStream err;

    public MaintenanceMessages(Output out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public void compacted(long revision) {
        out.println("compacted revision " + revision);
    }

    public void defragmented(String endpoint) {
        out.println("Finished defragmenting etcd member[" + endpoint + "]");
    }

    /** stdout is flushed first so that both streams keep etcdctl's order on a terminal. */
    public void defragmentFailed(String endpoint, String error) {
        out.flush();
        err.println("Failed to defragment etcd member[" + endpoint + "] (" + error + ")");
    }
}
