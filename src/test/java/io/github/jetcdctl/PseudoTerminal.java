package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.jetcdctl.testing.DefaultSignals;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/**
 * A bash script run in a pseudo-terminal of its own, as a user's shell runs commands: its standard streams are
 * the terminal unless the script redirects them. util-linux's {@code script} makes the terminal, else python3's
 * pty module. What the test types goes in through the terminal (echoed by it while its echo is on); what the
 * terminal shows comes out, line breaks as {@code \r\n}. The script's first line names its terminal, so that a
 * test can wait until a program has switched the echo off before typing a password.
 */
final class PseudoTerminal implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern DEVICE = Pattern.compile("^tty=(/dev/\\S+)\r\n");
    private static final Pattern ECHO_OFF = Pattern.compile("(^|\\s)-echo(\\s|$)");
    private static Optional<List<String>> maker;

    private final Process process;
    private final OutputStream keyboard;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread reader;
    private int seen;

    private PseudoTerminal(Process process) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        InputStream terminal = process.getInputStream();
        this.reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = terminal.read(buffer)) >= 0; ) {
                    synchronized (screen) {
                        screen.write(buffer, 0, n);
                        screen.notifyAll();
                    }
                }
            } catch (IOException ended) {
                // the process has gone
            }
        }, "pseudo-terminal-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Skips a test where neither {@code script} nor python3 is installed; fails instead under CI, which must
     * never pass these tests by skipping them.
     */
    static void assumeAvailable() {
        String reason = "neither util-linux's script nor python3 is installed: no pseudo-terminal for the tests";
        if (System.getenv("CI") != null) {
            assertTrue(maker().isPresent(), reason);
        }
        assumeTrue(maker().isPresent(), reason);
    }

    /** Starts {@code script} (bash) in a new terminal with {@code env} added to this process's environment. */
    static PseudoTerminal start(String script, Map<String, String> env) {
        assumeAvailable();
        ProcessBuilder builder = new ProcessBuilder(DefaultSignals.restored(maker().orElseThrow()));
        builder.environment().putAll(env);
        builder.environment().put("PTY_SCRIPT", "printf 'tty=%s\\n' \"$(tty)\"\n" + script);
        builder.environment().put("SHELL", "/bin/sh"); // (script's -c runs $SHELL)
        builder.directory(Path.of("/").toFile());
        builder.redirectErrorStream(true);
        PseudoTerminal terminal;
        try {
            terminal = new PseudoTerminal(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // (what is typed before the first line would be echoed before it)
        String shown = terminal.firstLineShown();
        if (!DEVICE.matcher(shown).find()) {
            terminal.close();
            fail("the script's first line does not name its terminal: " + quoted(shown));
        }
        return terminal;
    }

    /** The command that runs $PTY_SCRIPT in a new pseudo-terminal and exits with its status. */
    private static synchronized Optional<List<String>> maker() {
        if (maker == null) {
            if (onPath("script") && ProcessRunner.run(List.of("script", "--version"), null, Map.of(), Path.of("/"),
                    Duration.ofSeconds(30), false).stdoutText().contains("util-linux")) {
                maker = Optional.of(List.of("script", "-qfec", "exec bash -c \"$PTY_SCRIPT\"", "/dev/null"));
            } else if (onPath("python3")) {
                maker = Optional.of(List.of("python3", "-c", "import os, pty, sys; sys.exit(os.waitstatus_to_exitcode("
                        + "pty.spawn(['bash', '-c', os.environ['PTY_SCRIPT']])))"));
            } else {
                maker = Optional.empty();
            }
        }
        return maker;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** Everything the terminal has shown so far, its first line (the terminal's name) left out. */
    String screen() {
        String all;
        synchronized (screen) {
            all = screen.toString(StandardCharsets.UTF_8);
        }
        Matcher device = DEVICE.matcher(all);
        return device.find() ? all.substring(device.end()) : all;
    }

    /** Waits until the terminal shows {@code text} after what the previous wait found. */
    PseudoTerminal await(String text) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (screen) {
            while (true) {
                String shown = screen();
                int at = shown.indexOf(text, seen);
                if (at >= 0) {
                    seen = at + text.length();
                    return this;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive() && !process.isAlive()) {
                    fail("the terminal never showed " + quoted(text) + "; it shows " + quoted(shown));
                }
                try {
                    screen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 100_000_000L))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    /** Waits until a program has switched the terminal's echo off (as a password prompt does). */
    PseudoTerminal awaitEchoOff() {
        Matcher device = DEVICE.matcher(firstLineShown());
        assertTrue(device.find());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessResult settings = ProcessRunner.run(List.of("stty", "-a", "-F", device.group(1)), null, Map.of(),
                    Path.of("/"), Duration.ofSeconds(30), false);
            if (ECHO_OFF.matcher(settings.stdoutText()).find()) {
                return this;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        fail("the terminal's echo stayed on; it shows " + quoted(screen()));
        return this;
    }

    /** The raw screen, first line included, once that line is complete. */
    private String firstLineShown() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String all;
            synchronized (screen) {
                all = screen.toString(StandardCharsets.UTF_8);
            }
            if (DEVICE.matcher(all).find() || !process.isAlive()) {
                return all;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return "";
    }

    /** Types {@code keys} on the terminal (a line needs its {@code \n}; {@code \u0004} is Ctrl-D). */
    PseudoTerminal type(String keys) {
        try {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            fail("the terminal has gone before " + quoted(keys) + " was typed; it shows " + quoted(screen()));
        }
        return this;
    }

    /** Waits for the script to end: what the terminal showed (first line left out) and the script's status. */
    ProcessResult finish() {
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                fail("the script did not end; the terminal shows " + quoted(screen()));
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return new ProcessResult(screen().getBytes(StandardCharsets.UTF_8), new byte[0], process.exitValue());
    }

    /** Runs {@code script} in a terminal, typing nothing. */
    static ProcessResult run(String script, Map<String, String> env) {
        try (PseudoTerminal terminal = start(script, env)) {
            return terminal.finish();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            keyboard.close();
        } catch (IOException ignored) {
            // gone already
        }
    }

    static String quoted(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
    }
}
