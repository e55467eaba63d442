package io.github.jetcdctl.check;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The put rate of check perf: one permit per interval on a fixed schedule. etcdctl uses Go's
 * {@code rate.NewLimiter(rate, 1)}, whose burst of one loses every permit its caller is late for. Its caller
 * is late for two reasons: the cluster is slow (every client busy and the queue full, so the producer waits),
 * which must cost throughput, as it does here after {@link #dropMissed}; or the producer thread woke late,
 * which says nothing about the cluster, and which a JVM thread on a busy machine does more often than a Go
 * routine. Those permits are made up at once (up to one second's worth), so the rate does not drift.
 */
public final class RateLimiter {
    private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final double intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private boolean started;
    /** The clock's reading at the first call; permits are kept as offsets from it, in nanoseconds. */
    private long origin;
    private double lastGrant;

    /** Sleeps until the clock reads at least the given time; interruptible. */
    public interface Sleeper {
        void sleepUntil(long nanoTime) throws InterruptedException;
    }

    public RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime, RateLimiter::parkUntil);
    }

    RateLimiter(int perSecond, LongSupplier clock, Sleeper sleeper) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / (double) perSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits for the next permit, or takes it at once when it is overdue. The first permit comes one interval
     * after the first call, so a load of N per second for T seconds makes N x T - 1 puts and, at full speed,
     * reports N writes/s as etcdctl does (whose T seconds start before its load, so it makes no more).
     * Returns false at once, without waiting, when the permit would come at or after {@code deadline} (a
     * {@link System#nanoTime()} value), as Go's Wait refuses to wait past its context's deadline.
     */
    public boolean acquire(long deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long now = clock.getAsLong();
        if (!started) {
            started = true;
            origin = now;
            lastGrant = 0;
        }
        double at = Math.max(lastGrant + intervalNanos, now - origin - MAX_CATCH_UP_NANOS);
        // "at or after", with half a nanosecond for the rounding of the summed intervals
        if (at > deadline - origin - 0.5) {
            return false;
        }
        long wakeAt = origin + (long) Math.ceil(at);
        if (wakeAt - now > 0) {
            sleeper.sleepUntil(wakeAt);
        }
        lastGrant = at;
        return true;
    }

    /**
     * Gives up the permits already due: the next one comes now at the earliest, one interval after the last
     * at the latest. For a caller that had to wait for the cluster, as etcdctl's limiter loses them then.
     */
    public void dropMissed() {
        if (started) {
            lastGrant = Math.max(lastGrant, clock.getAsLong() - origin - intervalNanos);
        }
    }

    private static void parkUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(left);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
