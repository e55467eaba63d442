package io.github.jetcdctl.check;

/**
 * One {@code check perf} load: puts per second (the rate limit), concurrent clients (each its own connection,
 * at most one request in flight), and how long it runs. Keys are the prefix and 256 bytes, values 1 KiB.
 */
public record PerfLoad(int writesPerSecond, int clients, int seconds) {
    public static final int KEY_BYTES = 256;
    public static final int VALUE_BYTES = 1024;

    /** The load etcdctl names {@code s}, {@code m}, {@code l} or {@code xl} (or small, medium, large, xLarge). */
    public static PerfLoad named(String name) {
        return switch (LoadNames.canonical(name)) {
            case "s" -> new PerfLoad(150, 50, 60);
            case "m" -> new PerfLoad(1000, 200, 60);
            case "l" -> new PerfLoad(8000, 500, 60);
            default -> new PerfLoad(15000, 1000, 60);
        };
    }

    /** An upper bound of the puts the rate limiter grants: one per interval, with one spare. */
    public int maxPuts() {
        return Math.multiplyExact(writesPerSecond, seconds) + 1;
    }
}
