package io.github.jetcdctl.daemon;

import java.util.function.LongSupplier;

/**
 * Gives back the heap a big request left committed. The daemon runs the serial collector from an 8 MiB heap,
 * whose young generation (~2.4 MiB) promotes most of what a big range decodes; on JDK 25 the collector then
 * grows the old generation rather than collect it, and keeps it: 100k key-values of 1 KiB as JSON left a daemon
 * at ~600 MiB RSS for the rest of its life (JDK 17: ~90 MiB). So once no request is under way and the committed
 * heap has grown by more than {@link #GROWTH} since the last collection (or since the smallest it has been
 * since: growth in small steps counts too), the daemon collects, after the client has its exit status (no
 * command waits for it). The launcher starts the daemon with {@code -XX:-ShrinkHeapInSteps}, so
 * that one full collection returns the memory (in steps it takes four).
 */
final class HeapTrim {
    /** Growth below this is left alone: a full collection costs more than it would give back. */
    static final long GROWTH = 32L << 20;
    private final LongSupplier committed;
    private final Runnable collect;
    private long baseline;

    HeapTrim() {
        this(() -> Runtime.getRuntime().totalMemory(), System::gc);
    }

    HeapTrim(LongSupplier committed, Runnable collect) {
        this.committed = committed;
        this.collect = collect;
        this.baseline = committed.getAsLong();
    }

    /** The last request under way has ended. */
    synchronized void requestsEnded() {
        long now = committed.getAsLong();
        if (now - baseline > GROWTH) {
            collect.run();
            baseline = committed.getAsLong(); // (one that did not shrink is not collected again for nothing)
        } else {
            baseline = Math.min(baseline, now);
        }
    }
}
