package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Drawings of cheggaaa/pb v1 with etcdctl's "Bom !" format, as etcdctl 3.5.16 prints them (reference transcripts). */
class PbProgressBarTest {
    private static final long S = 1_000_000_000L;

    @Test
    void withoutATerminalOnlyCountersPercentageAndTimeLeftAreDrawn() {
        assertEquals(" 0 / 60    0.00%", PbProgressBar.render(60, 0, 0, S / 5, 0, S / 5, false));
        assertEquals(" 1 / 60    1.67% 00m58s",
                PbProgressBar.render(60, 1, 0, S + S / 20, S, S / 20, false), "59 x 1 s per entry - 0.05 s");
        assertEquals(" 59 / 60   98.33%",
                PbProgressBar.render(60, 59, 0, 59 * S + 9 * S / 10, 59 * S, 9 * S / 10, false),
                "under a second left: no time");
        assertEquals(" 2179 / 10000   21.79% 00m03s",
                PbProgressBar.render(10000, 2179, 0, S, S, 0, false));
    }

    @Test
    void finishedBarsShowTheElapsedWholeSecondsAsAGoDuration() {
        assertEquals(" 60 / 60  100.00% 1m0s", PbProgressBar.render(60, 60, 0, 60 * S + S / 3, 0, 0, true));
        assertEquals(" 10000 / 10000  100.00% 5s", PbProgressBar.render(10000, 10000, 0, 5 * S + 9 * S / 10, 0, 0, true));
        assertEquals(" 3 / 10   30.00% 0s", PbProgressBar.render(10, 3, 0, S / 2, 0, 0, true));
    }

    @Test
    void onATerminalTheBarFillsTheWidth() {
        // counters 9 + "B!" 2 + percent 8 + time 7 = 26 columns; 14 left for the bar, 20% of it rounded up is 3
        assertEquals(" 12 / 60 Boom           !  20.00% 00m48s",
                PbProgressBar.render(60, 12, 40, 12 * S, 12 * S, 0, false));
        String full = PbProgressBar.render(60, 60, 50, 60 * S, 0, 0, true);
        assertEquals(" 60 / 60 B" + "o".repeat(26) + "! 100.00% 1m0s", full);
        assertEquals(50, full.length());
        String empty = PbProgressBar.render(60, 0, 30, 0, 0, 0, false);
        assertEquals(" 0 / 60 B" + " ".repeat(12) + "!   0.00%", empty);
        assertEquals(30, empty.length());
    }

    @Test
    void aTerminalTooNarrowForABarStillGetsTheNumbers() {
        assertEquals(" 12 / 60   20.00% 00m48s", PbProgressBar.render(60, 12, 20, 12 * S, 12 * S, 0, false));
    }

    @Test
    void timeLeftHasDaysAndHoursInFrontOnlyAboveThem() {
        assertEquals("00m48s", PbProgressBar.timeLeft(48 * S));
        assertEquals("60m00s", PbProgressBar.timeLeft(3600 * S), "exactly one hour is not above an hour");
        assertEquals("3h02m05s", PbProgressBar.timeLeft((3 * 3600 + 2 * 60 + 5) * S));
        assertEquals("1d1h00m01s", PbProgressBar.timeLeft((25 * 3600 + 1) * S));
    }

    @Test
    void drawsAtOnceWithACarriageReturnAndEndsWithANewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output out = new Output(bytes);
        PbProgressBar bar = PbProgressBar.start(out, 3, 0, () -> { });
        bar.increment();
        bar.increment();
        bar.increment();
        bar.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r 0 / 3    0.00%"), text);
        assertTrue(text.matches("(?s).*\r 3 / 3  100\\.00% \\d+s\n"), text);
    }

    @Test
    void anAbandonedBarEndsItsLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PbProgressBar bar = PbProgressBar.startTimed(new Output(bytes), 60, 0, () -> { });
        bar.abandon();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r 0 / 60    0.00%"), text);
        assertTrue(text.endsWith("%\n"), text);
    }

    @Test
    void aTimedBarFinishesByItselfWhenItsTimeIsUp() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PbProgressBar bar = PbProgressBar.startTimed(new Output(bytes), 1, 0, () -> { });
        for (int i = 0; i < 100 && !bytes.toString(StandardCharsets.UTF_8).endsWith("\n"); i++) {
            Thread.sleep(50);
        }
        bar.finish();
        bar.abandon();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r 1 / 1  100.00% 1s\n"), text);
        assertEquals(text.indexOf('\n'), text.length() - 1, "one final line, not drawn again");
    }
}
