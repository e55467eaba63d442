package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanBytesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // reference §3.5
        "0, 0 B", "9, 9 B", "10, 10 B", "999, 999 B", "1000, 1.0 kB", "1049, 1.0 kB", "1050, 1.1 kB",
        "9949, 9.9 kB", "9950, 10 kB", "20480, 20 kB", "24576, 25 kB", "36864, 37 kB",
        "352256, 352 kB", "512000, 512 kB", "1048576, 1.0 MB", "2097152, 2.1 MB",
        "999999999, 1000 MB", "1000000000, 1.0 GB", "2147483648, 2.1 GB", "10500, 10 kB",
        "24500, 24 kB", "25500, 26 kB", "11500, 12 kB", "99949, 100 kB", "999999, 1000 kB",
        // go-humanize's own test table
        "1, 1 B", "803, 803 B", "1024, 1.0 kB", "9999, 10 kB", "999000000, 999 MB",
        "1000000000000, 1.0 TB", "999000000000000, 999 TB", "1000000000000000, 1.0 PB",
        "999000000000000000, 999 PB", "1000000000000000000, 1.0 EB", "9999000, 10 MB",
        "5500000000, 5.5 GB",
        // observed in etcdctl 3.5.16 table output
        "28672, 29 kB",
    })
    void formatsLikeGoHumanize(long size, String expected) {
        assertEquals(expected, HumanBytes.format(size));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"-1, 18 EB", "-9223372036854775808, 9.2 EB"})
    void treatsNegativeAsLargeUnsigned(long size, String expected) {
        assertEquals(expected, HumanBytes.format(size));
    }
}
