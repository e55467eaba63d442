package io.github.jetcdctl.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When the daemon collects: growth since the last look above the threshold, and only then. */
class HeapTrimTest {
    private static final long MIB = 1 << 20;
    private final AtomicLong committed = new AtomicLong(8 * MIB);
    private final AtomicInteger collections = new AtomicInteger();
    /** A collection that gives the heap back down to 10 MiB. */
    private final HeapTrim trim = new HeapTrim(committed::get, () -> {
        collections.incrementAndGet();
        committed.set(10 * MIB);
    });

    @Test
    void growthAboveTheThresholdIsCollectedOnce() {
        committed.set(8 * MIB + HeapTrim.GROWTH + MIB);
        trim.requestsEnded();
        assertEquals(1, collections.get());
        assertEquals(10 * MIB, committed.get());
        trim.requestsEnded(); // nothing grew since
        assertEquals(1, collections.get());
    }

    @Test
    void growthBelowTheThresholdIsLeftAlone() {
        committed.set(8 * MIB + HeapTrim.GROWTH);
        trim.requestsEnded();
        assertEquals(0, collections.get());
    }

    @Test
    void growthInSmallStepsAddsUp() {
        committed.addAndGet(HeapTrim.GROWTH * 3 / 4);
        trim.requestsEnded();
        assertEquals(0, collections.get());
        committed.addAndGet(HeapTrim.GROWTH * 3 / 4); // counted from the last collection, not from the last look
        trim.requestsEnded();
        assertEquals(1, collections.get());
    }

    @Test
    void aHeapThatDidNotShrinkIsNotCollectedAgainAndAgain() {
        HeapTrim stubborn = new HeapTrim(committed::get, collections::incrementAndGet);
        committed.set(200 * MIB);
        stubborn.requestsEnded();
        stubborn.requestsEnded();
        assertEquals(1, collections.get());
    }

    @Test
    void growthCountsFromAHeapThatShrankByItself() {
        committed.set(100 * MIB);
        trim.requestsEnded(); // collected, down to 10 MiB
        committed.set(6 * MIB); // shrank further by itself
        trim.requestsEnded();
        committed.set(6 * MIB + HeapTrim.GROWTH + MIB);
        trim.requestsEnded();
        assertEquals(2, collections.get());
    }
}
