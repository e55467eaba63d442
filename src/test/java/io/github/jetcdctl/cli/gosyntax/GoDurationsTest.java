package io.github.jetcdctl.cli.gosyntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationsTest {
    @ParameterizedTest
    @CsvSource({"2s,2000000000", "500ms,500000000", "1m30s,90000000000", "1.5h,5400000000000", "0,0",
        "10us,10000", "3ns,3", "-2s,-2000000000", "1h2m3.5s,3723500000000"})
    void parsesGoSyntax(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDurations.parse(text));
    }

    @Test
    void acceptsTheMicroSign() {
        assertEquals(Duration.ofNanos(1500), GoDurations.parse("1.5\u00b5s"));
    }

    @Test
    void rejectsABareNumberWithGosMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> GoDurations.parse("5"));
        assertEquals("time: missing unit in duration \"5\"", e.getMessage());
    }

    @Test
    void rejectsGarbageWithGosMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> GoDurations.parse("abc"));
        assertEquals("time: invalid duration \"abc\"", e.getMessage());
    }

    @Test
    void rejectsUnknownUnits() {
        var e = assertThrows(IllegalArgumentException.class, () -> GoDurations.parse("5x"));
        assertEquals("time: unknown unit \"x\" in duration \"5x\"", e.getMessage());
    }
}
