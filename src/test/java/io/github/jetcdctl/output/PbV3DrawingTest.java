package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Drawings of cheggaaa/pb v3's default template, as etcdctl 3.6.17's {@code check datascale --load s} wrote them to
 * stderr without a terminal (width 100; reference transcript, drawings one after the other).
 */
class PbV3DrawingTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theBarFillsWhatTheCountersPercentageAndSpeedLeaveOfTheWidth() {
        assertEquals("493 / 10000 [--->" + "_".repeat(70) + "] 4.93% ? p/s",
                PbV3Drawing.render(10000, 493, 100, "? p/s", false));
        assertEquals("2887 / 10000 [------------------->" + "_".repeat(49) + "] 28.87% 3897 p/s",
                PbV3Drawing.render(10000, 2887, 100, "3897 p/s", false));
        assertEquals(100, PbV3Drawing.render(10000, 2887, 100, "3897 p/s", false).length());
    }

    @Test
    void aFinishedBarIsAllDashesAndAFullUnfinishedOneEndsInItsArrow() {
        assertEquals("10000 / 10000 [" + "-".repeat(67) + "] 100.00% 3787 p/s",
                PbV3Drawing.render(10000, 10000, 100, "3787 p/s", true));
        assertEquals("10 / 10 [---->] 100.00% ? p/s", PbV3Drawing.render(10, 10, 29, "? p/s", false));
        assertEquals("0 / 10 [____] 0.00% ? p/s", PbV3Drawing.render(10, 0, 25, "? p/s", false));
        assertEquals("1 / 60 [>___] 1.67% ? p/s", PbV3Drawing.render(60, 1, 25, "? p/s", false));
    }

    @Test
    void tooNarrowForABarTheTextIsCutToTheWidth() {
        assertEquals("12 / 60  20.00% ? p/s", PbV3Drawing.render(60, 12, 21, "? p/s", false));
        assertEquals("12 / 60  20.0", PbV3Drawing.render(60, 12, 13, "? p/s", false));
    }

    @Test
    void theSpeedIsAMovingAverageOfPacesHalfASecondApartThenTheWholeRunsPace() {
        PbV3Drawing drawing = new PbV3Drawing(100, false);
        assertEquals(true, drawing.draw(100, 0, 0, false).endsWith(" ? p/s"), "the first drawing has no pace");
        assertEquals(true, drawing.draw(100, 5, S / 5, false).endsWith(" ? p/s"), "under half a second");
        assertEquals(true, drawing.draw(100, 10, S, false).endsWith(" 10 p/s"), "10 in the first second");
        // 30 in the next second: 30 × 2/31 + 10 × 29/31 = 11.29
        assertEquals(true, drawing.draw(100, 40, 2 * S, false).endsWith(" 11 p/s"));
        // finished: 100 over the 4 s since the first drawing
        assertEquals("100 / 100 [" + "-".repeat(73) + "] 100.00% 25 p/s", drawing.draw(100, 100, 4 * S, true));
    }

    @Test
    void onATerminalEachDrawingIsPaddedAfterACarriageReturnAndTheLastEndsTheLine() {
        PbV3Drawing drawing = new PbV3Drawing(40, true);
        assertEquals("\r0 / 10 [" + "_".repeat(19) + "] 0.00% ? p/s", drawing.draw(10, 0, 0, false));
        assertEquals("\r10 / 10 [" + "-".repeat(16) + "] 100.00% 5 p/s\n", drawing.draw(10, 10, 2 * S, true));
        assertEquals(true, drawing.endsLineWhenAbandoned());
        assertEquals(false, new PbV3Drawing(100, false).endsLineWhenAbandoned());
    }

    @Test
    void speedsAreRoundedHalfUp() {
        assertEquals("? p/s", PbV3Drawing.speedText(0));
        assertEquals("1 p/s", PbV3Drawing.speedText(1.003));
        assertEquals("3 p/s", PbV3Drawing.speedText(2.5));
    }
}
