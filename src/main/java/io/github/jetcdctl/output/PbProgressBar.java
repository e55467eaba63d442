package io.github.jetcdctl.output;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress bar etcdctl's check commands draw, redrawn every 200 ms. etcdctl 3.5's is cheggaaa/pb v1 with the
 * format {@code "Bom !"} on stdout: {@code \r} and the state, a newline when finished. Its width is the terminal's,
 * or 0 when there is none: then only the counters, the percentage and the time left are drawn, without padding,
 * which is what etcdctl writes when it runs without a terminal. etcdctl 3.6's is pb v3's on stderr
 * ({@link PbV3Drawing}).
 */
public final class PbProgressBar {
    static final long REFRESH_MILLIS = 200;
    private static final long SECOND = 1_000_000_000L;

    private final Output out;
    private final long total;
    private final int width;
    private final Runnable onClosedOutput;
    private final boolean timed;
    /** pb v3's drawings; null for pb v1's. */
    private final PbV3Drawing v3;
    private final AtomicLong current = new AtomicLong();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jetcdctl-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();
    private long previous;
    private long changeNanos = startNanos;
    /** No more drawing: the bar is finished, or stdout is closed. */
    private boolean stopped;

    private PbProgressBar(Output out, long total, int width, Runnable onClosedOutput, boolean timed, PbV3Drawing v3) {
        this.out = out;
        this.total = total;
        this.width = width;
        this.onClosedOutput = onClosedOutput;
        this.timed = timed;
        this.v3 = v3;
    }

    /**
     * Draws the bar now and then every 200 ms; the caller counts with {@link #increment}. {@code width} 0
     * draws no bar (no terminal). When stdout is closed the bar stops drawing and runs {@code onClosedOutput}.
     */
    public static PbProgressBar start(Output out, long total, int width, Runnable onClosedOutput) {
        return start(new PbProgressBar(out, total, width, onClosedOutput, false, null));
    }

    /**
     * As {@link #start}, counting the whole seconds since the start; once at {@code seconds} it finishes by
     * itself, as etcdctl's bar does, whatever the command is still waiting for.
     */
    public static PbProgressBar startTimed(Output out, long seconds, int width, Runnable onClosedOutput) {
        return start(new PbProgressBar(out, seconds, width, onClosedOutput, true, null));
    }

    /**
     * pb v3's bar (etcdctl 3.6 on) on {@code err}, first drawn after 200 ms; {@code width} is the controlling
     * terminal's or {@link #PB_V3_DEFAULT_WIDTH}, {@code terminal} whether {@code err} is one. Timed as
     * {@link #startTimed} when {@code timed}. A closed {@code err} only stops the drawing, as pb ignores it.
     */
    public static PbProgressBar startPbV3(Output err, long total, int width, boolean terminal, boolean timed) {
        return start(new PbProgressBar(err, total, width, () -> { }, timed, new PbV3Drawing(width, terminal)));
    }

    /** pb v3's width when there is no controlling terminal. */
    public static final int PB_V3_DEFAULT_WIDTH = PbV3Drawing.DEFAULT_WIDTH;

    private static PbProgressBar start(PbProgressBar bar) {
        if (bar.v3 == null) {
            bar.refresh();
        }
        bar.refresher.scheduleWithFixedDelay(bar::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        return bar;
    }

    public void increment() {
        current.incrementAndGet();
    }

    public void set(long value) {
        current.set(value);
    }

    /**
     * Draws the final state (the elapsed time instead of the time left) and ends the line, unless the bar
     * finished by itself; a timed bar is then full.
     */
    public void finish() {
        stopRefreshing();
        if (timed) {
            current.set(total);
        }
        synchronized (this) {
            if (!stopped) {
                drawFinished(System.nanoTime());
            }
        }
    }

    /** Ends the line where the bar stands, for a run cut short; etcdctl leaves it unended. */
    public void abandon() {
        stopRefreshing();
        synchronized (this) {
            if (!stopped) {
                stopped = true;
                if (v3 == null || v3.endsLineWhenAbandoned()) {
                    out.newline().flush();
                }
            }
        }
    }

    private void drawFinished(long now) {
        stopped = true;
        if (v3 != null) {
            out.print(v3.draw(total, current.get(), now, true)).flush();
            return;
        }
        out.print("\r" + render(total, current.get(), width, now - startNanos, 0, 0, true)).newline().flush();
    }

    private void stopRefreshing() {
        refresher.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (refresher.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void refresh() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (timed) {
            current.set(Math.min(total, (now - startNanos) / SECOND));
        }
        long value = current.get();
        if (value != previous) {
            changeNanos = now;
            previous = value;
        }
        try {
            if (timed && value == total) {
                drawFinished(now);
                return;
            }
            out.print(v3 != null ? v3.draw(total, value, now, false) : "\r" + render(total, value, width,
                    now - startNanos, changeNanos - startNanos, now - changeNanos, false)).flush();
        } catch (Output.ClosedOutputException e) {
            stopped = true;
            onClosedOutput.run();
        }
    }

    /**
     * One drawing of pb v1's bar: counters, bar (only when {@code width} leaves room for it), percentage, time
     * left (from the pace up to the last change) or, once finished, the elapsed time; padded to {@code width}.
     */
    static String render(long total, long current, int width, long fromStartNanos, long fromChangeNanos,
            long sinceChangeNanos, boolean finished) {
        String percentBox = " " + GoFloat.fixed(current / (total / 100.0), 6, 2) + "%";
        String countersBox = " " + current + " / " + total + " ";
        String timeBox = "";
        if (finished) {
            timeBox = " " + GoDuration.format(fromStartNanos / SECOND * SECOND);
        } else if (current > 0) {
            long perEntry = fromChangeNanos / current;
            long left = (total - current) * perEntry - sinceChangeNanos;
            left = left / SECOND * SECOND;
            if (left > 0) {
                timeBox = " " + timeLeft(left);
            }
        }
        String barBox = "";
        int size = width - (countersBox.length() + 2 + percentBox.length() + timeBox.length());
        if (size > 0) {
            int full = (int) Math.ceil((double) current / total * size);
            int empty = Math.max(0, size - full);
            full = Math.min(full, size);
            StringBuilder bar = new StringBuilder("B");
            if (empty == 0) {
                bar.append("o".repeat(full));
            } else if (full > 0) {
                bar.append("o".repeat(full - 1)).append('m');
            }
            barBox = bar.append(" ".repeat(empty)).append('!').toString();
        }
        String line = countersBox + barBox + percentBox + timeBox;
        return line.length() < width ? line + " ".repeat(width - line.length()) : line;
    }

    /** pb's time-left format: {@code 00m48s}, with days and hours in front when there are any. */
    static String timeLeft(long nanos) {
        long hour = 3600 * SECOND;
        long day = 24 * hour;
        StringBuilder text = new StringBuilder();
        long left = nanos;
        if (left > day) {
            text.append(left / day).append('d');
            left -= left / day * day;
        }
        if (left > hour) {
            text.append(left / hour).append('h');
            left -= left / hour * hour;
        }
        long minutes = left / (60 * SECOND);
        left -= minutes * 60 * SECOND;
        return text.append(String.format("%02dm%02ds", minutes, left / SECOND)).toString();
    }
}
