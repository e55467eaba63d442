package io.github.jetcdctl.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.jetcdctl.cli.Cli;

/**
 * Runs jetcdctl's real entry point in this JVM with captured stdin, stdout, stderr and environment;
 * the in-process twin of the {@link Etcdctl} oracle, with the same shape so tests read side by side.
 */
public final class Jetcdctl {
    private final List<String> globalArgs;
    private final Map<String, String> env;

    private Jetcdctl(List<String> globalArgs, Map<String, String> env) {
        this.globalArgs = globalArgs;
        this.env = env;
    }

    /**
     * jetcdctl reproducing the line of the default oracle, etcdctl {@value EtcdBinaries#DEFAULT_VERSION}
     * (through {@code ETCDCTL_COMPAT}, which changes nothing else: no warning, no --debug line).
     */
    public static Jetcdctl create() {
        return new Jetcdctl(List.of(), Map.of(COMPAT, EtcdBinaries.lineOf(EtcdBinaries.DEFAULT_VERSION)));
    }

    /** Reaches the given cluster with the same flags the oracle uses, reproducing its etcdctl's line. */
    public static Jetcdctl forCluster(EtcdCluster cluster) {
        return create().forLine(EtcdBinaries.lineOf(cluster.version())).withGlobalArgs(cluster.connectionFlags());
    }

    /** Reproducing etcdctl line {@code line} ({@code 3.5}, {@code 3.6}, {@code 3.7}). */
    public Jetcdctl forLine(String line) {
        return withEnv(COMPAT, line);
    }

    /** With no line chosen: jetcdctl's default line, as a user without any setting gets. */
    public Jetcdctl withDefaultLine() {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.remove(COMPAT);
        return new Jetcdctl(globalArgs, Map.copyOf(all));
    }

    private static final String COMPAT = "ETCDCTL_COMPAT";

    public Jetcdctl withGlobalArgs(List<String> args) {
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(args);
        return new Jetcdctl(List.copyOf(all), env);
    }

    public Jetcdctl withEnv(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put(name, value);
        return new Jetcdctl(globalArgs, Map.copyOf(all));
    }

    public ProcessResult run(String... args) {
        return run(Arrays.asList(args), new byte[0]);
    }

    public ProcessResult runWithStdin(byte[] stdin, String... args) {
        return run(Arrays.asList(args), stdin);
    }

    public ProcessResult run(List<String> args, byte[] stdin) {
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(all.toArray(new String[0]), new ByteArrayInputStream(stdin == null ? new byte[0] : stdin),
                    out, errStream, env);
        }
        return new ProcessResult(out.toByteArray(), err.toByteArray(), code);
    }

    /**
     * Runs a command that does not end by itself (watch, lock...) for {@code duration}, then interrupts it
     * (our stand-in for a signal) and returns what it printed; like {@link Etcdctl#runFor}.
     */
    public ProcessResult runFor(Duration duration, String... args) {
        return runFor(duration, new ByteArrayInputStream(new byte[0]), Arrays.asList(args));
    }

    /** As {@link #runFor(Duration, String...)} with the given standard input; it may end earlier by itself. */
    public ProcessResult runFor(Duration duration, InputStream stdin, List<String> args) {
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = {-1};
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Thread thread = new Thread(() -> code[0] = Cli.run(all.toArray(new String[0]), stdin, out, errStream, env),
                "jetcdctl-under-test");
        thread.start();
        try {
            thread.join(duration.toMillis());
            thread.interrupt();
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("jetcdctl " + all + " did not stop when interrupted");
        }
        return new ProcessResult(out.toByteArray(), err.toByteArray(), code[0]);
    }
}
