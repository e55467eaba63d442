package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go's %f (fmt) / FormatFloat 'f' of float64 values, as etcdctl prints latencies and sizes. */
class GoFloatTest {
    @Test
    void sixDecimalsAsInEtcdctlsPerfReport() {
        assertEquals("0.029415", GoFloat.fixed(0.029415, 6));
        assertEquals("0.000818", GoFloat.fixed(0.000818, 6));
        assertEquals("0.000000", GoFloat.fixed(0, 6));
        assertEquals("1.000000", GoFloat.fixed(0.9999996, 6));
        assertEquals("12.500000", GoFloat.fixed(12.5, 6));
    }

    /** Go rounds the exact binary value, ties to even; Java's %f rounds the shortest decimal form half up. */
    @Test
    void roundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.000000", GoFloat.fixed(5e-7, 6), "5e-7 is a little below 0.0000005 in binary");
        assertEquals("1.00", GoFloat.fixed(1.005, 2), "1.005 is 1.00499999999999989... in binary");
        assertEquals("0.12", GoFloat.fixed(0.125, 2), "an exact tie goes to the even digit");
        assertEquals("0.38", GoFloat.fixed(0.375, 2));
        assertEquals("2", GoFloat.fixed(2.5, 0));
    }

    @Test
    void signsNaNAndInfinities() {
        assertEquals("-0.00", GoFloat.fixed(-0.001, 2), "Go keeps the sign of a negative number rounded to zero");
        assertEquals("-0.00", GoFloat.fixed(-0.0, 2));
        assertEquals("-3.14", GoFloat.fixed(-3.14159, 2));
        assertEquals("NaN", GoFloat.fixed(Double.NaN, 6));
        assertEquals("+Inf", GoFloat.fixed(Double.POSITIVE_INFINITY, 6));
        assertEquals("-Inf", GoFloat.fixed(Double.NEGATIVE_INFINITY, 6));
    }

    @Test
    void widthPadsOnTheLeft() {
        assertEquals("  0.00", GoFloat.fixed(0, 6, 2));
        assertEquals("  1.67", GoFloat.fixed(1 / (60 / 100.0), 6, 2));
        assertEquals("100.00", GoFloat.fixed(100, 6, 2));
        assertEquals("1000.00", GoFloat.fixed(1000, 6, 2));
    }
}
