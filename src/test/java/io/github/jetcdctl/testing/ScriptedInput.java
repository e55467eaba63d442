package io.github.jetcdctl.testing;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Standard input typed slowly: text, pauses, more text, then the end. The same script also renders as a
 * shell pipeline for the real etcdctl ({@link #shellProducer()}), so both read identical input timing.
 */
public final class ScriptedInput {
    private final List<Object> steps = new ArrayList<>();

    public ScriptedInput type(String text) {
        steps.add(text);
        return this;
    }

    public ScriptedInput pause(Duration duration) {
        steps.add(duration);
        return this;
    }

    /** A shell command writing the same bytes with the same pauses, to pipe into etcdctl. */
    public String shellProducer() {
        List<String> parts = new ArrayList<>();
        for (Object step : steps) {
            if (step instanceof Duration d) {
                parts.add("sleep " + d.toMillis() / 1000.0);
            } else {
                parts.add("printf '%s' '" + ((String) step).replace("'", "'\\''") + "'");
            }
        }
        return "{ " + String.join("; ", parts) + "; }";
    }

    public InputStream stream() {
        Deque<Object> left = new ArrayDeque<>(steps);
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() throws InterruptedIOException {
                while (position >= current.length) {
                    Object step = left.poll();
                    if (step == null) {
                        return -1;
                    }
                    if (step instanceof Duration d) {
                        try {
                            Thread.sleep(d.toMillis());
                        } catch (InterruptedException e) {
                            throw new InterruptedIOException();
                        }
                    } else {
                        current = ((String) step).getBytes(StandardCharsets.UTF_8);
                        position = 0;
                    }
                }
                return current[position++] & 0xff;
            }
        };
    }
}
