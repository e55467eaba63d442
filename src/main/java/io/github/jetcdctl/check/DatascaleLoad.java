package io.github.jetcdctl.check;

/**
 * One {@code check datascale} load: how many key-value pairs, their size (half key, half value) and the
 * number of concurrent clients writing them as fast as they can.
 */
public record DatascaleLoad(int keys, int kvBytes, int clients) {
    /** The load etcdctl names {@code s}, {@code m}, {@code l} or {@code xl} (or small, medium, large, xLarge). */
    public static DatascaleLoad named(String name) {
        return switch (LoadNames.canonical(name)) {
            case "s" -> new DatascaleLoad(10_000, 1024, 50);
            case "m" -> new DatascaleLoad(100_000, 1024, 200);
            case "l" -> new DatascaleLoad(1_000_000, 1024, 500);
            default -> new DatascaleLoad(3_000_000, 1024, 1000);
        };
    }

    public int keyBytes() {
        return kvBytes / 2;
    }

    public int valueBytes() {
        return kvBytes - keyBytes();
    }
}
