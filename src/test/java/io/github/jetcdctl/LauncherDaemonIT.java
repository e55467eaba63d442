package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.InstalledJdks.Jdk;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/**
 * The launcher with JETCDCTL_DAEMON=on against one mutual-TLS member: the golden tests through the resident
 * jetcdctl (each waits until it is up, so the short commands are its), and what only the daemon route has to
 * prove: it really serves, files are the client's directory's, SIGTERM and a closed pipe end a command as they
 * end a JVM, and a daemon killed outright is replaced.
 */
class LauncherDaemonIT extends LauncherGoldenTests {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.mutualTls();
    private static final Path CLIENT = LAUNCHER.getParent().getParent().resolve("target/jetcdctl-client");
    private static final Pattern REQUESTS = Pattern.compile("requests: (\\d+)");
    private static final Pattern PID = Pattern.compile("pid: (\\d+)");

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }

    @Override
    boolean throughDaemon() {
        return true;
    }

    /** The JDKs whose daemon has answered since it was last killed. */
    private static final java.util.Set<Integer> UP = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    ProcessResult jetcdctl(Jdk jdk, List<String> flags, byte[] stdin, String... args) {
        if (!UP.contains(jdk.major())) {
            awaitDaemon(jdk);
            UP.add(jdk.major());
        }
        return super.jetcdctl(jdk, flags, stdin, args);
    }

    /** Starts this JDK's daemon (any command does, in the background) and waits until it answers. */
    private String awaitDaemon(Jdk jdk) {
        assumeTrue(Files.isExecutable(CLIENT), "no native client was built (no C compiler)");
        String status = status(jdk);
        if (!status.startsWith("pid:")) {
            super.jetcdctl(jdk, List.of(), (byte[]) null, "version");
            for (int i = 0; i < 600 && !status.startsWith("pid:"); i++) {
                sleep(100);
                status = status(jdk);
            }
        }
        assertTrue(status.startsWith("pid:"), status);
        return status;
    }

    private String status(Jdk jdk) {
        return super.jetcdctl(jdk, List.of(), (byte[]) null, "daemon", "status").stdoutText();
    }

    private static long number(Pattern pattern, String status) {
        Matcher m = pattern.matcher(status);
        assertTrue(m.find(), status);
        return Long.parseLong(m.group(1));
    }

    private static void sleep(long millis) {
        java.util.concurrent.locks.LockSupport.parkNanos(millis * 1_000_000L);
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void shortCommandsAreServedByTheDaemon(Jdk jdk) {
        awaitDaemon(jdk);
        // (a build's first connecting command on a JVM records its class archive in a JVM of its own)
        super.jetcdctl(jdk, connectionFlags(), (byte[]) null, "get", "warm-up");
        String first = status(jdk);
        UP.add(jdk.major());
        for (String[] words : new String[][] {{"get", "served", "-w", "json"}, {"member", "list"}}) {
            assertSameOutput(etcdctl(connectionFlags(), words),
                    super.jetcdctl(jdk, connectionFlags(), (byte[]) null, words), jdk + ": " + String.join(" ", words));
        }
        String last = status(jdk);
        assertEquals(number(PID, first), number(PID, last), last);
        // (each status request counts itself: the two commands and the last status)
        assertEquals(number(REQUESTS, first) + 3, number(REQUESTS, last), first + last);
    }

    /** Relative TLS files are the client's directory's: the client runs those commands in a JVM of its own. */
    @ParameterizedTest
    @MethodSource("jdks")
    void relativeTlsFilesResolveInTheClientsDirectory(Jdk jdk, @TempDir Path dir) throws Exception {
        List<String> flags = new ArrayList<>(List.of("--endpoints=" + cluster().endpointsFlag()));
        for (String flag : tlsFlags()) {
            String[] nameAndFile = flag.split("=", 2);
            Path file = Path.of(nameAndFile[1]);
            Files.copy(file, dir.resolve(file.getFileName()));
            flags.add(nameAndFile[0] + "=" + file.getFileName());
        }
        awaitDaemon(jdk);
        List<String> words = new ArrayList<>(flags);
        words.addAll(List.of("get", "relative"));
        List<String> etcdctl = new ArrayList<>(List.of(cluster().binaries().etcdctl().toString()));
        etcdctl.addAll(words);
        List<String> launcher = new ArrayList<>(List.of("bash", "-c", "exec \"$JETCDCTL\" \"$@\"", "bash"));
        launcher.addAll(words);
        ProcessResult expected = ProcessRunner.run(etcdctl, null, Map.of(), dir, Duration.ofSeconds(60), false);
        ProcessResult actual = ProcessRunner.run(launcher, null, launcherEnv(jdk), dir, Duration.ofSeconds(60),
                false);
        assertEquals(0, actual.exitCode(), actual.toString());
        assertSameOutput(expected, actual, jdk + ": relative TLS files");
    }

    /** SIGTERM to a command waiting for its input: 143, nothing written, by either route. */
    @ParameterizedTest
    @MethodSource("jdks")
    void sigtermEndsACommandWaitingForInput(Jdk jdk, @TempDir Path dir) {
        awaitDaemon(jdk);
        // (the JVM route's first connecting command records the class archive in a JVM the launcher waits for;
        // this one does it here, so that SIGTERM below reaches the JVM itself)
        Map<String, String> jvmRoute = new HashMap<>(launcherEnv(jdk));
        jvmRoute.put("JETCDCTL_DAEMON", "off");
        List<String> warmUp = new ArrayList<>(List.of("bash", "-c", "exec \"$JETCDCTL\" \"$@\"", "bash"));
        warmUp.addAll(connectionFlags());
        warmUp.addAll(List.of("get", "warm-up"));
        ProcessRunner.run(warmUp, null, jvmRoute, dir, Duration.ofSeconds(60), false);
        String key = "sigterm/" + jdk.major();
        String script = "mkfifo \"$DIR/in\"; \"$@\" < \"$DIR/in\" & pid=$!; exec 4> \"$DIR/in\"; sleep 2;"
                + " kill -TERM $pid; wait $pid; echo $?";
        for (String route : List.of("on", "off")) {
            Map<String, String> env = new HashMap<>(launcherEnv(jdk));
            env.put("JETCDCTL_DAEMON", route);
            env.put("DIR", dir.toString());
            List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash", LAUNCHER.toString()));
            command.addAll(connectionFlags());
            command.addAll(List.of("put", key));
            ProcessResult run = ProcessRunner.run(command, null, env, dir, Duration.ofSeconds(60), false);
            assertEquals("143", run.stdoutText().trim(), route + ": " + run);
            assertEquals("", super.jetcdctl(jdk, connectionFlags(), (byte[]) null, "get", key).stdoutText(), route);
            sleep(10);
            try {
                Files.delete(dir.resolve("in"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A pipe closed after the first bytes of a large value: the command stops with 141, as the JVM does. */
    @ParameterizedTest
    @MethodSource("jdks")
    void aClosedPipeEndsTheCommandWith141(Jdk jdk) {
        awaitDaemon(jdk);
        etcdctl(connectionFlags(), "x".repeat(1 << 20).getBytes(), "put", "large");
        String script = "\"$@\" | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}";
        for (String route : List.of("on", "off")) {
            Map<String, String> env = new HashMap<>(launcherEnv(jdk));
            env.put("JETCDCTL_DAEMON", route);
            List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash", LAUNCHER.toString()));
            command.addAll(connectionFlags());
            command.addAll(List.of("get", "large"));
            ProcessResult run = ProcessRunner.run(command, null, env, Path.of("/"), Duration.ofSeconds(60), false);
            assertEquals("141", run.stdoutText().trim(), route + ": " + run);
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aDaemonKilledOutrightIsReplaced(Jdk jdk) throws Exception {
        long pid = number(PID, awaitDaemon(jdk));
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        UP.remove(jdk.major());
        daemon.destroyForcibly();
        daemon.onExit().get();
        // its socket is left behind: the client finds no one there and runs the command itself
        assertSameOutput(etcdctl(connectionFlags(), "get", "served"),
                super.jetcdctl(jdk, connectionFlags(), (byte[]) null, "get", "served"), jdk + ": after a kill");
        assertNotEquals(pid, number(PID, awaitDaemon(jdk)));
        UP.add(jdk.major());
    }
}
