package io.github.jetcdctl.check;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Go's {@code rate.NewLimiter(rate, 1)} as etcdctl's check perf uses it: permits come one per interval on a
 * fixed schedule (a late wake-up does not push the next permit back, so the rate does not drift), and with a
 * burst of one a permit not asked for in time is lost rather than saved up.
 */
public final class RateLimiter {
    private final double intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private boolean granted;
    /** The clock's reading at the first permit; later permits are kept as offsets from it, in nanoseconds. */
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
     * Waits for the next permit. Returns false at once, without waiting, when that permit would come at or
     * after {@code deadline} (a {@link System#nanoTime()} value), as Go's Wait refuses to wait past its context's
     * deadline (a load of N per second for T seconds makes N x T puts, whatever the rounding).
     */
    public boolean acquire(long deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long now = clock.getAsLong();
        if (!granted) {
            if (now - deadline >= 0) {
                return false;
            }
            granted = true;
            origin = now;
            lastGrant = 0;
            return true;
        }
        double at = Math.max(now - origin, lastGrant + intervalNanos);
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

    private static void parkUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
