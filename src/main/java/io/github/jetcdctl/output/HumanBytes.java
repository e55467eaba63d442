package io.github.jetcdctl.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** go-humanize {@code Bytes}: SI sizes such as {@code 25 kB} for db and snapshot sizes. */
public final class HumanBytes {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private HumanBytes() {}

    /** {@code size} is a Go {@code uint64}: negative Java values stand for sizes of 2^63 and up. */
    public static String format(long size) {
        if (Long.compareUnsigned(size, 10) < 0) {
            return size + " B";
        }
        double n = unsignedToDouble(size);
        int exponent = (int) Math.floor(Math.log(n) / Math.log(1000));
        double value = Math.floor(n / Math.pow(1000, exponent) * 10 + 0.5) / 10;
        // Go's %.1f / %.0f round the exact binary value half-to-even (10.5 -> "10")
        int decimals = value < 10 ? 1 : 0;
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString()
                + " " + UNITS[exponent];
    }

    private static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        // halve with the low bit kept sticky so the conversion rounds like Go's uint64 -> float64
        return ((v >>> 1) | (v & 1)) * 2.0;
    }
}
