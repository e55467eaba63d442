package io.github.jetcdctl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.jetcdctl.output.HumanBytes;

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
        return new ProgressLine(err, err == System.err && stderrIsTerminal());
    }

    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
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
