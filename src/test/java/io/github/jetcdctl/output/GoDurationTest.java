package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "999, 999ns",
        "1000, 1µs",
        "1500, 1.5µs",
        "978159, 978.159µs",
        "956866, 956.866µs",
        "1000000, 1ms",
        "1200000, 1.2ms",
        "3818921, 3.818921ms",
        "2531658, 2.531658ms",
        "1000000000, 1s",
        "5001553851, 5.001553851s",
        "2000308160, 2.00030816s",
        "1000262455, 1.000262455s",
        "60000000000, 1m0s",
        "3723000000000, 1h2m3s",
        "3600000000001, 1h0m0.000000001s",
        "-1500, -1.5µs",
        "-60000000000, -1m0s",
        "9223372036854775807, 2562047h47m16.854775807s",
        "-9223372036854775808, -2562047h47m16.854775808s",
    })
    void formatsLikeGoDurationString(long nanos, String expected) {
        assertEquals(expected, GoDuration.format(nanos));
    }
}
