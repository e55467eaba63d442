package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.InstalledJdks;
import io.github.jetcdctl.testing.InstalledJdks.Jdk;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;
import io.github.jetcdctl.testing.SideBySide;

/**
 * Runs {@code bin/jetcdctl} through bash, pinned to one JDK, and the real etcdctl with the same words, and
 * compares them. A test class has its own class-archive cache, so the first command of a JDK records the
 * archive and the later ones map it, as on a user's machine. Subclasses give the cluster and the TLS key form.
 * Through the resident jetcdctl ({@link LauncherRoute}), a class's first command on a JDK waits until that
 * JDK's daemon answers, so that the commands under test are the daemon's.
 */
@ExtendWith(LauncherRoute.class)
abstract class LauncherRuns {
    static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("bin/jetcdctl");

    @TempDir
    static Path cache;

    /**
     * Whether commands go through the resident jetcdctl and its native client: {@code -Djetcdctl.it.daemon=on}
     * runs the whole black-box tier that way; the daemon's own tests say yes regardless.
     */
    boolean throughDaemon() {
        return LauncherRoute.throughDaemon();
    }

    /** The subclass's cluster, registered on a static field. */
    abstract EtcdClusterExtension etcd();

    EtcdCluster cluster() {
        return etcd().cluster();
    }

    /** {@code --cacert/--cert/--key} for the key form under test (the cluster's PKCS#8 key), or nothing. */
    List<String> tlsFlags() {
        return cluster().tlsFlags();
    }

    static List<Jdk> jdks() {
        return InstalledJdks.all();
    }

    List<String> connectionFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("--endpoints=" + cluster().endpointsFlag());
        flags.addAll(tlsFlags());
        return flags;
    }

    /** {@code bin/jetcdctl FLAGS ARGS} through bash, pinned to {@code jdk}. */
    ProcessResult jetcdctl(Jdk jdk, List<String> flags, String... args) {
        return jetcdctl(jdk, flags, null, args);
    }

    ProcessResult jetcdctl(Jdk jdk, List<String> flags, byte[] stdin, String... args) {
        if (throughDaemon() && !LauncherRoute.seenUp(daemonOf(jdk))) {
            awaitDaemon(jdk);
        }
        return launch(jdk, flags, stdin, args);
    }

    /** Waits until this JDK's daemon answers (starting it, when none is up); returns its status. */
    String awaitDaemon(Jdk jdk) {
        String status = LauncherRoute.awaitDaemon(words -> launch(jdk, List.of(), null, words.toArray(String[]::new)));
        LauncherRoute.markUp(daemonOf(jdk));
        return status;
    }

    /** After a test killed this JDK's daemon: the next command waits for a new one. */
    void forgetDaemon(Jdk jdk) {
        LauncherRoute.forget(daemonOf(jdk));
    }

    /** Each class checks once per JDK (a daemon may end between classes). */
    private String daemonOf(Jdk jdk) {
        return getClass().getName() + "/" + jdk.major();
    }

    /** {@code bin/jetcdctl FLAGS ARGS} through bash, as it is (the daemon up or not). */
    ProcessResult launch(Jdk jdk, List<String> flags, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$JETCDCTL\" \"$@\"", "bash"));
        command.addAll(flags);
        command.addAll(Arrays.asList(args));
        return ProcessRunner.run(command, stdin, launcherEnv(jdk), Path.of("/"), Duration.ofSeconds(60), false);
    }

    Map<String, String> launcherEnv(Jdk jdk) {
        Map<String, String> env = new HashMap<>();
        env.put("JETCDCTL", LAUNCHER.toString());
        env.put("JETCDCTL_JAVA", jdk.java().toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        // reproduce the line of the oracle, the cluster's own etcdctl
        env.put("ETCDCTL_COMPAT", EtcdBinaries.lineOf(cluster().version()));
        env.putAll(LauncherRoute.env(throughDaemon()));
        return env;
    }

    ProcessResult etcdctl(List<String> flags, String... args) {
        return etcdctl(flags, null, args);
    }

    ProcessResult etcdctl(List<String> flags, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(cluster().binaries().etcdctl().toString());
        command.addAll(flags);
        command.addAll(Arrays.asList(args));
        return ProcessRunner.run(command, stdin, Map.of(), Path.of("/"), Duration.ofSeconds(60), false);
    }

    /** The cluster's own etcdutl (the oracle of the offline commands), run from {@code /}. */
    ProcessResult etcdutl(String... args) {
        List<String> command = new ArrayList<>();
        command.add(cluster().binaries().etcdutl().toString());
        command.addAll(Arrays.asList(args));
        return ProcessRunner.run(command, null, Map.of(), Path.of("/"), Duration.ofSeconds(60), false);
    }

    /** Runs both tools with the same words and compares; returns jetcdctl's result. */
    ProcessResult assertSame(Jdk jdk, String... args) {
        return assertSame(jdk, connectionFlags(), args);
    }

    ProcessResult assertSame(Jdk jdk, List<String> flags, String... args) {
        ProcessResult expected = etcdctl(flags, args);
        ProcessResult actual = jetcdctl(jdk, flags, args);
        assertSameOutput(expected, actual, jdk + ": " + String.join(" ", args));
        return actual;
    }

    static void assertSameOutput(ProcessResult expected, ProcessResult actual, String what) {
        SideBySide.assertSameResult(expected, actual, what);
        assertCleanStderrWhereEtcdctlsIs(expected, actual, what);
    }

    /** Where etcdctl prints nothing a user reads on stderr, jetcdctl prints no byte at all there. */
    static void assertCleanStderrWhereEtcdctlsIs(ProcessResult expected, ProcessResult actual, String what) {
        if (SideBySide.errorLines(expected).isEmpty()) {
            assertEquals("", actual.stderrText(), "stderr of " + what);
        }
    }
}
