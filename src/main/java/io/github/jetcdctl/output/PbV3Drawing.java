package io.github.jetcdctl.output;

/**
 * The drawings of cheggaaa/pb v3's default template, {@code counters [bar] percent speed}, which etcdctl 3.6's check
 * commands write to stderr: the bar takes what the width leaves; the speed is an exponentially weighted moving
 * average of the pace between drawings at least half a second apart (per second), and the whole run's pace once
 * finished. Without a terminal on stderr each drawing is written as it is, one after the other; on a terminal it
 * is padded to the width after a {@code \r}, and the finished one ends the line.
 */
final class PbV3Drawing {
    /** pb v3's width when the controlling terminal does not give one. */
    static final int DEFAULT_WIDTH = 100;
    private static final long SECOND = 1_000_000_000L;
    private static final long SPEED_INTERVAL = SECOND / 2;
    /** VividCortex/ewma's SimpleEWMA: the average age of a sample is 30 additions. */
    private static final double DECAY = 2 / 31.0;

    private final int width;
    private final boolean terminal;
    private boolean first = true;
    private long speedStart;
    private long previousTime;
    private long previousValue;
    private double average;

    PbV3Drawing(int width, boolean terminal) {
        this.width = width;
        this.terminal = terminal;
    }

    /** The text written for one drawing at {@code now} (nanoseconds, any origin). */
    String draw(long total, long value, long now, boolean finished) {
        String text = render(total, value, width, speedText(speed(value, now, finished)), finished);
        if (!terminal) {
            return text;
        }
        String padded = text.length() < width ? text + " ".repeat(width - text.length()) : text;
        return "\r" + padded + (finished ? "\n" : "");
    }

    /** Whether a bar cut short leaves a line to end: only on a terminal, where drawings share one. */
    boolean endsLineWhenAbandoned() {
        return terminal;
    }

    private double speed(long value, long now, boolean finished) {
        if (first) {
            first = false;
            speedStart = now;
            previousTime = now;
            previousValue = value;
            average = 0;
            return 0;
        }
        if (finished) {
            long elapsed = now - speedStart;
            return elapsed > 0 ? value / ((double) elapsed / SECOND) : 0;
        }
        long elapsed = now - previousTime;
        if (elapsed < SPEED_INTERVAL) {
            return average;
        }
        double last = Math.abs(value - previousValue) / ((double) elapsed / SECOND);
        previousTime = now;
        previousValue = value;
        average = average == 0 ? last : last * DECAY + average * (1 - DECAY);
        return average;
    }

    static String speedText(double perSecond) {
        if (perSecond == 0) {
            return "? p/s";
        }
        double whole = Math.floor(perSecond);
        return (long) (perSecond - whole >= 0.5 ? Math.ceil(perSecond) : whole) + " p/s";
    }

    /** One drawing without padding: the bar fills what the other elements leave of {@code width}. */
    static String render(long total, long value, int width, String speed, boolean finished) {
        String counters = value + " / " + total;
        String percent = (total > 0 ? GoFloat.fixed(value / (total / 100.0), 2) : "?") + "%";
        int staticWidth = counters.length() + 1 + 1 + percent.length() + 1 + speed.length();
        if (width - staticWidth <= 0) {
            String text = counters + "  " + percent + " " + speed;
            return text.length() > width ? text.substring(0, Math.max(0, width)) : text;
        }
        return counters + " " + bar(total, value, width - staticWidth, finished) + " " + percent + " " + speed;
    }

    /** {@code [--->____]}: done as dashes with an arrow at its head, all dashes once finished. */
    static String bar(long total, long value, int width, boolean finished) {
        if (width <= 1) {
            return "[".repeat(width);
        }
        int left = width - 1;
        if (left <= 1) {
            return "[" + "]".repeat(left);
        }
        left -= 1;
        StringBuilder bar = new StringBuilder("[");
        int done = total > 0 ? (int) Math.ceil((double) Math.min(value, total) / total * left) : 0;
        if (total == value && finished) {
            bar.append("-".repeat(done));
        } else if (done > 1) {
            bar.append("-".repeat(done - 1)).append('>');
        } else if (done > 0) {
            bar.append(">".repeat(done));
        }
        return bar.append("_".repeat(left - done)).append(']').toString();
    }
}
