package io.github.jetcdctl.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.jetcdctl.output.GoQuote;
import io.github.jetcdctl.output.Output;

/**
 * A command that watch and lock run on the user's behalf: our environment plus some variables, no input,
 * its output passed through to ours as it comes (our stdout may be an in-memory stream, not a descriptor
 * a child could inherit).
 */
public final class ChildCommand {
    private final List<String> argv;
    private final Map<String, String> extraEnv = new LinkedHashMap<>();

    public ChildCommand(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    public ChildCommand env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Go's {@code %q} of the argument list: {@code ["sh" "-c" "exit 3"]}. */
    public String quotedArgv() {
        List<String> quoted = new ArrayList<>();
        for (String arg : argv) {
            quoted.add(GoQuote.quote(arg));
        }
        return "[" + String.join(" ", quoted) + "]";
    }

    /**
     * Runs the command to its end and returns its exit status.
     *
     * @throws ChildFailure when it could not be started, with Go's wording
     */
    public int run(Map<String, String> sessionEnv, Output out, PrintStream err) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(sessionEnv);
        builder.environment().putAll(extraEnv);
        out.flush();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ChildFailure(startFailure());
        }
        Thread stdout = pump(process.getInputStream(), bytes -> {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        });
        Thread stderr = pump(process.getErrorStream(), bytes -> err.write(bytes, 0, bytes.length));
        try {
            int status = process.waitFor();
            stdout.join();
            stderr.join();
            return status;
        } catch (InterruptedException e) {
            process.destroy();
            throw e;
        }
    }

    /** Go's signal names (syscall.Signal's String) for the signals a child is commonly ended by. */
    private static final String[] SIGNAL_NAMES = {null, "hangup", "interrupt", "quit", "illegal instruction",
        "trace/breakpoint trap", "aborted", "bus error", "floating point exception", "killed",
        "user defined signal 1", "segmentation fault", "user defined signal 2", "broken pipe", "alarm clock",
        "terminated"};

    /**
     * The signal that ended a child with this status, or 0. Java reports a child killed by signal N as status
     * 128 + N, the same number a shell gives an explicit {@code exit 128+N}; the signal is the likelier reading.
     */
    public static int signalOf(int status) {
        return status > 128 && status - 128 < SIGNAL_NAMES.length ? status - 128 : 0;
    }

    /**
     * How Go's os/exec reports the end of a child that did not succeed: {@code exit status 3},
     * {@code signal: killed}.
     */
    public static String endText(int status) {
        int signal = signalOf(status);
        return signal != 0 ? "signal: " + SIGNAL_NAMES[signal] : "exit status " + status;
    }

    private String startFailure() {
        String program = argv.get(0);
        if (!program.contains("/")) {
            return "exec: " + GoQuote.quote(program) + ": executable file not found in $PATH";
        }
        File file = new File(program);
        String reason = file.exists() ? "permission denied" : "no such file or directory";
        return "fork/exec " + program + ": " + reason;
    }

    private interface Chunks {
        void accept(byte[] bytes);
    }

    private static Thread pump(InputStream from, Chunks to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    to.accept(java.util.Arrays.copyOf(buffer, n));
                }
            } catch (IOException | RuntimeException ignored) {
                // the child closed its end, or our output went away; either way nothing more to pass on
            }
        }, "jetcdctl-child-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The child could not be started; the message is Go's. */
    public static final class ChildFailure extends RuntimeException {
        ChildFailure(String message) {
            super(message);
        }
    }
}
