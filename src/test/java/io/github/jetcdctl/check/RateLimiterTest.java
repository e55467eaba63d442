package io.github.jetcdctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The limiter on a fake clock: where each permit falls, not how long anything takes. */
class RateLimiterTest {
    /** A clock that sleeping advances, to the requested time plus a fixed oversleep. */
    static final class FakeClock {
        long now = 1_000_000_000_000L;
        long oversleep;
        final List<Long> wakeUps = new ArrayList<>();

        RateLimiter limiter(int perSecond) {
            return new RateLimiter(perSecond, () -> now, until -> {
                wakeUps.add(until);
                now = until + oversleep;
            });
        }
    }

    @Test
    void permitsFollowTheRateFromOneIntervalAfterTheFirstCall() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = clock.limiter(1000);
        long start = clock.now;
        for (int i = 1; i <= 3; i++) {
            assertTrue(limiter.acquire(start + 1_000_000_000L));
            assertEquals(start + i * 1_000_000L, clock.now);
        }
    }

    @Test
    void lateWakeUpsDoNotPushTheScheduleBack() throws InterruptedException {
        FakeClock clock = new FakeClock();
        clock.oversleep = 300_000; // every sleep ends 0.3 ms late, less than one 6.67 ms interval
        RateLimiter limiter = clock.limiter(150);
        long start = clock.now;
        int permits = 0;
        while (limiter.acquire(start + 60_000_000_000L)) {
            permits++;
        }
        // 150/s for 60 s: one per interval up to (not at) the deadline
        assertEquals(8999, permits);
        assertEquals(start + (long) Math.ceil(8999 * (1e9 / 150)), clock.wakeUps.get(clock.wakeUps.size() - 1),
                "the last permit is due at 8999 intervals, whatever the oversleeps before it");
    }

    @Test
    void permitsTheCallerWokeLateForAreMadeUpAtOnce() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = clock.limiter(100);
        long start = clock.now;
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        clock.now += 55_000_000; // the producer thread did not run for 5.5 intervals: now at 65 ms
        clock.wakeUps.clear();
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.acquire(Long.MAX_VALUE));
        }
        assertEquals(List.of(), clock.wakeUps, "the permits due at 20 to 60 ms come without sleeping");
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        assertEquals(List.of(start + 70_000_000), clock.wakeUps, "the next on schedule");
    }

    @Test
    void makingUpIsLimitedToOneSecondOfPermits() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = clock.limiter(10);
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        clock.now += 5_000_000_000L; // stopped for 5 s (50 permits): now at 5.1 s
        clock.wakeUps.clear();
        int atOnce = 0;
        while (clock.wakeUps.isEmpty()) {
            assertTrue(limiter.acquire(Long.MAX_VALUE));
            atOnce++;
        }
        assertEquals(12, atOnce, "the permits due in the last second (4.1 s to 5.1 s), then one waited for");
    }

    @Test
    void droppedPermitsAreLostAsWhenEtcdctlsProducerWaitedForTheCluster() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = clock.limiter(100);
        long start = clock.now;
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        clock.now += 55_000_000; // the producer waited for a free client for 5.5 intervals: now at 65 ms
        limiter.dropMissed();
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        assertEquals(start + 65_000_000, clock.now, "one permit at once, not a burst of the missed ones");
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        assertEquals(start + 75_000_000, clock.now, "the next one interval later");
        limiter.dropMissed();
        assertTrue(limiter.acquire(Long.MAX_VALUE));
        assertEquals(start + 85_000_000, clock.now, "nothing was overdue: the schedule is unchanged");
    }

    @Test
    void refusesWithoutWaitingWhenThePermitWouldComeAtOrAfterTheDeadline() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = clock.limiter(10);
        long start = clock.now;
        assertTrue(limiter.acquire(start + 200_000_000)); // due at 100 ms
        assertFalse(limiter.acquire(start + 200_000_000)); // due at 200 ms
        assertEquals(start + 100_000_000, clock.now, "no sleep for a refused permit");
        assertFalse(clock.limiter(10).acquire(clock.now + 50_000_000), "none before a deadline closer than one interval");
    }

    @Test
    void anInterruptedCallerGetsNoPermit() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = clock.limiter(10);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> limiter.acquire(Long.MAX_VALUE));
        assertFalse(Thread.interrupted(), "the interrupt is consumed by the exception");
    }

    @Test
    void theRealSleeperNeverGrantsEarly() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(500);
        long before = System.nanoTime();
        assertTrue(limiter.acquire(before + 1_000_000_000L));
        assertTrue(limiter.acquire(before + 1_000_000_000L));
        assertTrue(System.nanoTime() - before >= 4_000_000, "the second permit is two 2 ms intervals after the start");
    }
}
