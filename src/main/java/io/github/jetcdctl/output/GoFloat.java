package io.github.jetcdctl.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Go's {@code %f} / {@code strconv.FormatFloat(v, 'f', precision, 64)} for float64 values. */
public final class GoFloat {
    private GoFloat() {
    }

    /**
     * {@code value} with {@code precision} decimals, rounding its exact binary value half-to-even as Go does
     * (Java's {@code %f} rounds the shortest decimal form instead, which differs on some values); the sign of a
     * negative value that rounds to zero is kept, and NaN and infinities are {@code NaN}, {@code +Inf}, {@code -Inf}.
     */
    public static String fixed(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        String digits = new BigDecimal(value).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        return negative && !digits.startsWith("-") ? "-" + digits : digits;
    }

    /** Go's {@code %W.Pf}: {@link #fixed} padded on the left with spaces to {@code width} characters. */
    public static String fixed(double value, int width, int precision) {
        String text = fixed(value, precision);
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
