package io.github.jetcdctl.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real {@code etcdutl} (etcd 3.5+) with a clean environment (no inherited
 * {@code ETCD_*}/{@code ETCDCTL_*} variables), empty or given stdin, and a timeout. Immutable.
 */
public final class Etcdutl {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path binary;
    private final Map<String, String> env;
    private final Duration timeout;
    private final Path workingDirectory;

    private Etcdutl(Path binary, Map<String, String> env, Duration timeout, Path workingDirectory) {
        this.binary = binary;
        this.env = Map.copyOf(env);
        this.timeout = timeout;
        this.workingDirectory = workingDirectory;
    }

    /** The etcdutl of {@link EtcdBinaries#DEFAULT_VERSION}. */
    public static Etcdutl find() {
        return of(EtcdBinaries.find());
    }

    public static Etcdutl of(EtcdBinaries binaries) {
        return of(binaries.etcdutl());
    }

    public static Etcdutl of(Path etcdutlBinary) {
        return new Etcdutl(etcdutlBinary, Map.of(), DEFAULT_TIMEOUT, null);
    }

    public Etcdutl withEnv(String name, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new Etcdutl(binary, e, timeout, workingDirectory);
    }

    public Etcdutl withTimeout(Duration timeout) {
        return new Etcdutl(binary, env, timeout, workingDirectory);
    }

    public Etcdutl withWorkingDirectory(Path dir) {
        return new Etcdutl(binary, env, timeout, dir);
    }

    public Path binary() {
        return binary;
    }

    public ProcessResult run(String... args) {
        return run(Arrays.asList(args), null, Map.of());
    }

    public ProcessResult run(List<String> args) {
        return run(args, null, Map.of());
    }

    /** Runs {@code etcdutl <args>}; fails with an {@link IllegalStateException} on timeout. */
    public ProcessResult run(List<String> args, byte[] stdin, Map<String, String> extraEnv) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(args);
        Map<String, String> e = new LinkedHashMap<>(env);
        e.putAll(extraEnv);
        return ProcessRunner.run(cmd, stdin, e, workingDirectory, timeout, false);
    }

    @Override
    public String toString() {
        return "Etcdutl[" + binary + "]";
    }
}
