package io.github.jetcdctl.cli.gosyntax;

import java.math.BigInteger;

/**
 * Go's strconv.ParseInt / ParseUint for the bases etcdctl uses, with Go's error texts. Base 0 takes the base from
 * the prefix ({@code 0x}, {@code 0o} or a leading {@code 0}, {@code 0b}) and allows {@code _} between digits, as
 * pflag's int flags do.
 */
public final class GoNumbers {
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoNumbers() {
    }

    public static long parseInt(String s, int base) {
        BigInteger value = parse("ParseInt", s, base, true);
        if (value.compareTo(MAX_INT64) > 0 || value.compareTo(MIN_INT64) < 0) {
            throw new NumberFormatException("strconv.ParseInt: parsing " + quote(s) + ": value out of range");
        }
        return value.longValue();
    }

    /** Returns the unsigned 64-bit value in a long's bits. */
    public static long parseUint(String s, int base) {
        BigInteger value = parse("ParseUint", s, base, false);
        if (value.compareTo(MAX_UINT64) > 0) {
            throw new NumberFormatException("strconv.ParseUint: parsing " + quote(s) + ": value out of range");
        }
        return value.longValue();
    }

    private static BigInteger parse(String function, String s, int base, boolean signed) {
        String digits = s;
        boolean negative = false;
        if (signed && !digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        int radix = base;
        if (base == 0) {
            String lower = digits.toLowerCase(java.util.Locale.ROOT);
            boolean lettered = lower.startsWith("0x") || lower.startsWith("0b") || lower.startsWith("0o");
            radix = lower.startsWith("0x") ? 16 : lower.startsWith("0b") ? 2
                    : lower.startsWith("0o") || lower.startsWith("0") && lower.length() > 1 ? 8 : 10;
            digits = digits.substring(lettered ? 2 : 0);
            // an underscore only between digits, or right after a 0x/0b/0o prefix
            String separated = lettered ? "_?[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*" : "[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*";
            if (digits.matches(separated)) {
                digits = digits.replace("_", "");
            }
        }
        int r = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, r) >= 0 && c < 128)) {
            throw new NumberFormatException("strconv." + function + ": parsing " + quote(s) + ": invalid syntax");
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
