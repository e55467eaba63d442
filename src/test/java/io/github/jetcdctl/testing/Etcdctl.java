package io.github.jetcdctl.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle: runs the real {@code etcdctl} (by default {@value EtcdBinaries#DEFAULT_VERSION}) with
 * a clean environment (no inherited {@code ETCD_*}/{@code ETCDCTL_*} variables,
 * {@code ETCDCTL_API=3}), empty or given stdin, and a timeout. Immutable; the {@code with*}
 * methods return modified copies.
 *
 * <pre>{@code
 * ProcessResult r = cluster.etcdctl().run("put", "k", "v");
 * ProcessResult r = Etcdctl.find().withGlobalArgs("--endpoints=" + cluster.endpointsFlag()).run("get", "k");
 * }</pre>
 */
public final class Etcdctl {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Path binary;
    private final List<String> globalArgs;
    private final Map<String, String> env;
    private final Duration timeout;
    private final Path workingDirectory;

    private Etcdctl(Path binary, List<String> globalArgs, Map<String, String> env, Duration timeout,
                    Path workingDirectory) {
        this.binary = binary;
        this.globalArgs = List.copyOf(globalArgs);
        this.env = Map.copyOf(env);
        this.timeout = timeout;
        this.workingDirectory = workingDirectory;
    }

    /** The etcdctl of {@link EtcdBinaries#DEFAULT_VERSION}. */
    public static Etcdctl find() {
        return of(EtcdBinaries.find());
    }

    /** etcdctl of those binaries; 3.6 and later read no {@code ETCDCTL_API}, so it is set for 3.4 and 3.5 only. */
    public static Etcdctl of(EtcdBinaries binaries) {
        Etcdctl etcdctl = of(binaries.etcdctl());
        return binaries.isAtLeast36() ? new Etcdctl(etcdctl.binary, List.of(), Map.of(), DEFAULT_TIMEOUT, null)
                : etcdctl;
    }

    public static Etcdctl of(Path etcdctlBinary) {
        return new Etcdctl(etcdctlBinary, List.of(), Map.of("ETCDCTL_API", "3"), DEFAULT_TIMEOUT, null);
    }

    /** Arguments put before each command's arguments, e.g. {@code --endpoints=...}. */
    public Etcdctl withGlobalArgs(String... args) {
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(Arrays.asList(args));
        return new Etcdctl(binary, all, env, timeout, workingDirectory);
    }

    public Etcdctl withGlobalArgs(List<String> args) {
        return withGlobalArgs(args.toArray(String[]::new));
    }

    /** An extra environment variable (may be an {@code ETCDCTL_*} one). */
    public Etcdctl withEnv(String name, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new Etcdctl(binary, globalArgs, e, timeout, workingDirectory);
    }

    public Etcdctl withTimeout(Duration timeout) {
        return new Etcdctl(binary, globalArgs, env, timeout, workingDirectory);
    }

    public Etcdctl withWorkingDirectory(Path dir) {
        return new Etcdctl(binary, globalArgs, env, timeout, dir);
    }

    public Path binary() {
        return binary;
    }

    public List<String> globalArgs() {
        return globalArgs;
    }

    /** The variables every run gets ({@code ETCDCTL_API=3} before 3.6), for a test that starts etcdctl itself. */
    public Map<String, String> environment() {
        return env;
    }

    public ProcessResult run(String... args) {
        return run(Arrays.asList(args), null, Map.of());
    }

    public ProcessResult run(List<String> args) {
        return run(args, null, Map.of());
    }

    public ProcessResult runWithStdin(byte[] stdin, String... args) {
        return run(Arrays.asList(args), stdin, Map.of());
    }

    /**
     * Runs {@code etcdctl <global args> <args>}; fails with an {@link IllegalStateException} when
     * it does not finish within the timeout.
     *
     * @param stdin standard input bytes, or {@code null} for an empty stdin
     * @param extraEnv environment variables added for this run only
     */
    public ProcessResult run(List<String> args, byte[] stdin, Map<String, String> extraEnv) {
        return ProcessRunner.run(command(args), stdin, mergedEnv(extraEnv), workingDirectory, timeout, false);
    }

    /**
     * Runs a command that does not end by itself (e.g. {@code watch}) for {@code duration}, then
     * stops it (SIGTERM) and returns what it printed; the exit code is then the signal's.
     */
    public ProcessResult runFor(Duration duration, String... args) {
        return ProcessRunner.run(command(Arrays.asList(args)), null, mergedEnv(Map.of()), workingDirectory,
                duration, true);
    }

    private List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(globalArgs);
        cmd.addAll(args);
        return cmd;
    }

    private Map<String, String> mergedEnv(Map<String, String> extra) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.putAll(extra);
        return e;
    }

    @Override
    public String toString() {
        return "Etcdctl[" + binary + " " + String.join(" ", globalArgs) + "]";
    }
}
