package io.github.jetcdctl.output;

/** Go's {@code time.Duration.String()} for the {@code took} values. */
public final class GoDuration {

    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {}

    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (nanos < 0) {
            out.append('-');
        }
        // magnitude as an unsigned value so Long.MIN_VALUE works
        long u = nanos < 0 ? -nanos : nanos;
        if (Long.compareUnsigned(u, SECOND) < 0) {
            if (u < MICRO) {
                return out.append(u).append("ns").toString();
            }
            if (u < MILLI) {
                appendWithFraction(out, u, 3);
                return out.append("µs").toString();
            }
            appendWithFraction(out, u, 6);
            return out.append("ms").toString();
        }
        long hours = Long.divideUnsigned(u, 3600 * SECOND);
        long rest = Long.remainderUnsigned(u, 3600 * SECOND);
        long minutes = rest / (60 * SECOND);
        rest %= 60 * SECOND;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        appendWithFraction(out, rest, 9);
        return out.append('s').toString();
    }

    /** {@code value / 10^digits} with the fraction's trailing zeros (and a bare dot) dropped. */
    private static void appendWithFraction(StringBuilder out, long value, int digits) {
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        out.append(value / scale);
        long fraction = value % scale;
        if (fraction == 0) {
            return;
        }
        String padded = String.valueOf(scale + fraction).substring(1);
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(padded, 0, end);
    }
}
