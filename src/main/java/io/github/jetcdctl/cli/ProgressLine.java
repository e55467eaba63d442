package io.github.jetcdctl.cli;

import java.io.PrintStream;

import io.github.jetcdctl.output.HumanBytes;
import io.github.jetcdctl.output.Terminal;

/** A one-line progress display on stderr, shown only when stderr is a terminal (never in cron mail). */
public final class ProgressLine {
    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastShown;
    private boolean shown;

    private ProgressLine(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    public static ProgressLine forStderr(PrintStream err) {
        return new ProgressLine(err, err == System.err && Terminal.isTerminal(2));
    }

    public void show(long done, long total) {
        long now = System.nanoTime();
        if (!enabled || now - lastShown < 200_000_000L) {
            return;
        }
        lastShown = now;
        shown = true;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        err.print("\r" + HumanBytes.format(done) + " / " + HumanBytes.format(total) + " ("
                + HumanBytes.format((long) (done / seconds)) + "/s)   ");
        err.flush();
    }

    public void finish() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
