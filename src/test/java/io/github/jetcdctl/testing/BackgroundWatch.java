package io.github.jetcdctl.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.jetcdctl.cli.Cli;

/**
 * A jetcdctl {@code watch} (or any command that runs until stopped) in a thread of its own, in-process, while a
 * test changes the cluster; its stdout is collected, and compared at the end with a replay of the history.
 */
public final class BackgroundWatch implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread thread;

    private BackgroundWatch(List<String> args) {
        thread = new Thread(() -> Cli.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()),
                "background-watch");
        thread.start();
    }

    /** Starts {@code jetcdctl <globalArgs> <args>}. */
    public static BackgroundWatch start(List<String> globalArgs, String... args) {
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(List.of(args));
        return new BackgroundWatch(all);
    }

    /**
     * Waits until it has printed as many bytes as {@code expected} (at most {@code timeout}), stops it and returns
     * all it printed.
     */
    public String stopAfterPrinting(byte[] expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < expected.length && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        close();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What it printed on stderr so far, for a failure's message. */
    public String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Interrupts the command (our stand-in for Ctrl-C) and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }
}
