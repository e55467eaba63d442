package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
    private static final Pattern PID = Pattern.compile("pid: (\\d+)");

    @Override
    EtcdClusterExtension etcd() {
        return ETCD;
    }

    @Override
    boolean throughDaemon() {
        return true;
    }

    private String status(Jdk jdk) {
        return launch(jdk, List.of(), null, "daemon", "status").stdoutText();
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
        launch(jdk, connectionFlags(), null, "get", "warm-up");
        String first = status(jdk);
        for (String[] words : new String[][] {{"get", "served", "-w", "json"}, {"member", "list"}}) {
            assertSameOutput(etcdctl(connectionFlags(), words),
                    launch(jdk, connectionFlags(), null, words), jdk + ": " + String.join(" ", words));
        }
        String last = status(jdk);
        assertEquals(number(PID, first), number(PID, last), last);
        // (each status request counts itself: the two commands and the last status)
        assertEquals(DaemonCounts.parse(first).requests() + 3, DaemonCounts.parse(last).requests(), first + last);
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

    /**
     * SIGTERM or SIGINT (Ctrl-C) to a command waiting for its input: 143 or 130, nothing written, by either
     * route; and a SIGHUP the command was started to ignore (nohup) is ignored by either route.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void signalsEndACommandWaitingForInputAsTheyEndAJvm(Jdk jdk, @TempDir Path dir) {
        awaitDaemon(jdk);
        // (the JVM route's first connecting command records the class archive in a JVM the launcher waits for;
        // this one does it here, so that the signals below reach the JVM itself)
        Map<String, String> jvmRoute = new HashMap<>(launcherEnv(jdk));
        jvmRoute.put("JETCDCTL_DAEMON", "off");
        List<String> warmUp = new ArrayList<>(List.of("bash", "-c", "exec \"$JETCDCTL\" \"$@\"", "bash"));
        warmUp.addAll(connectionFlags());
        warmUp.addAll(List.of("get", "warm-up"));
        ProcessRunner.run(warmUp, null, jvmRoute, dir, Duration.ofSeconds(60), false);
        String key = "signalled/" + jdk.major();
        // (job control on, so that the background command does not ignore SIGINT as a script's jobs do; the signal
        // waits until the launcher has exec'ed its client or JVM: a bash still waiting for one of its own children
        // puts a SIGINT sent to it alone off until that child ends, and then goes on, as a loaded machine showed)
        String waiting = "set -m; rm -f \"$DIR/in\"; mkfifo \"$DIR/in\"; \"$@\" < \"$DIR/in\" & pid=$!;"
                + " exec 4> \"$DIR/in\"; shell=$(readlink /proc/$$/exe);"
                + " for i in $(seq 600); do [ \"$(readlink /proc/$pid/exe)\" != \"$shell\" ] && break; sleep 0.1; done;"
                + " sleep 2; ";
        Map<String, String> scripts = new java.util.LinkedHashMap<>();
        scripts.put("143\n", waiting + "kill -TERM $pid; wait $pid; echo $?");
        scripts.put("130\n", waiting + "kill -INT $pid; wait $pid; echo $?");
        scripts.put("OK\n0\n", "trap '' HUP; " + waiting + "kill -HUP $pid; sleep 1; printf 'ignored\\n' >&4;"
                + " exec 4>&-; wait $pid; echo $?");
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            for (String route : List.of("on", "off")) {
                Map<String, String> env = new HashMap<>(launcherEnv(jdk));
                env.put("JETCDCTL_DAEMON", route);
                env.put("DIR", dir.toString());
                List<String> command = new ArrayList<>(List.of("bash", "-c", script.getValue(), "bash",
                        LAUNCHER.toString()));
                command.addAll(connectionFlags());
                command.addAll(List.of("put", key));
                ProcessResult run = ProcessRunner.run(command, null, env, dir, Duration.ofSeconds(60), false);
                String what = route + ", " + script.getValue() + ": " + run;
                assertEquals(script.getKey(), run.stdoutText(), what);
                // (put keeps the line break it read: get prints it, then its own)
                String expected = script.getKey().startsWith("OK") ? key + "\nignored\n\n" : "";
                assertEquals(expected, launch(jdk, connectionFlags(), null, "get", key).stdoutText(), what);
                etcdctl(connectionFlags(), "del", key);
            }
        }
    }

    /**
     * SIGKILL of the client while its command waits for input: the daemon ends the request (nothing is written,
     * and it runs no more), as the kernel ends a JVM of its own.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void sigkillOfTheClientCancelsItsRequest(Jdk jdk, @TempDir Path dir) {
        awaitDaemon(jdk);
        String key = "sigkill/" + jdk.major();
        String script = "mkfifo \"$DIR/in\"; \"$@\" < \"$DIR/in\" & pid=$!; exec 4> \"$DIR/in\"; sleep 2;"
                + " \"$1\" daemon status | grep -o 'requests: .*'; kill -KILL $pid; wait $pid; echo $?";
        Map<String, String> env = new HashMap<>(launcherEnv(jdk));
        env.put("DIR", dir.toString());
        List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash", LAUNCHER.toString()));
        command.addAll(connectionFlags());
        command.addAll(List.of("put", key));
        ProcessResult run = ProcessRunner.run(command, null, env, dir, Duration.ofSeconds(60), false);
        assertTrue(run.stdoutText().matches("requests: \\d+ \\(1 others running\\)\n137\n"), run.toString());
        String status = status(jdk);
        for (int i = 0; i < 100 && !status.contains("(0 others running)"); i++) {
            sleep(100);
            status = status(jdk);
        }
        assertTrue(status.contains("(0 others running)"), status);
        assertEquals("", launch(jdk, connectionFlags(), null, "get", key).stdoutText());
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
        forgetDaemon(jdk);
        daemon.destroyForcibly();
        daemon.onExit().get();
        // its socket is left behind: the client finds no one there and runs the command itself
        assertSameOutput(etcdctl(connectionFlags(), "get", "served"),
                launch(jdk, connectionFlags(), null, "get", "served"), jdk + ": after a kill");
        assertNotEquals(pid, number(PID, awaitDaemon(jdk)));
    }

    // ---- the remembered route: the launcher's way to the daemon without a process of its own ----

    private static final Pattern SOCKET = Pattern.compile("(?:socket: |is running \\()(\\S+?)\\)?\n");


    /** {@code launcher WORDS} run by bash itself (no PATH lookup), with {@code env} over the JDK's. */
    private ProcessResult run(Path launcher, Map<String, String> env, Jdk jdk, String... words) {
        Map<String, String> all = new HashMap<>(launcherEnv(jdk));
        all.putAll(env);
        List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        command.addAll(List.of(words));
        return ProcessRunner.run(command, null, all, Path.of("/"), Duration.ofSeconds(60), false);
    }

    /** {@code launcher CONNECTION-FLAGS get remembered}, as {@link #run}. */
    private ProcessResult get(Path launcher, Map<String, String> env, Jdk jdk) {
        List<String> words = new ArrayList<>(connectionFlags());
        words.addAll(List.of("get", "remembered"));
        return run(launcher, env, jdk, words.toArray(String[]::new));
    }

    /** The socket of the daemon the launcher's full route names for this environment (up or not). */
    private Path socketOf(Path launcher, Map<String, String> env, Jdk jdk) {
        Map<String, String> all = new HashMap<>(launcherEnv(jdk));
        all.putAll(env);
        String status = ProcessRunner.run(List.of("/bin/bash", launcher.toString(), "daemon", "status"), null, all,
                Path.of("/"), Duration.ofSeconds(60), false).stdoutText();
        Matcher m = SOCKET.matcher(status);
        assertTrue(m.find(), status);
        return Path.of(m.group(1));
    }

    /** The counts of the daemon on {@code socket}. */
    private static DaemonCounts countsOf(Path socket) {
        return DaemonCounts.parse(ProcessRunner.run(List.of(LauncherRoute.CLIENT.toString(), "--control",
                socket.toString(), "status"), null, Map.of(), Path.of("/"), Duration.ofSeconds(30), false)
                .stdoutText());
    }

    /**
     * Runs {@code get remembered} and says whether the daemon on {@code socket} served it (not reached, or
     * reached and handed back, is not served); the output must be right either way.
     */
    private boolean servedBy(Path socket, Path launcher, Map<String, String> env, Jdk jdk, String what) {
        DaemonCounts before = countsOf(socket);
        ProcessResult get = get(launcher, env, jdk);
        assertEquals("remembered\nroute\n", get.stdoutText(), what + ": " + get);
        assertEquals("", get.stderrText(), what + ": " + get);
        DaemonCounts after = countsOf(socket);
        boolean reached = after.requests() == before.requests() + 2;
        assertTrue(reached || after.requests() == before.requests() + 1, what + ": " + before + " -> " + after);
        return reached && after.handedBack() == before.handedBack();
    }

    /** A launcher symlinked to a copy of this build (its own jar, so its own daemon), as a user might install it. */
    private static Path installCopy(Path dir) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share/jetcdctl"));
        Files.createDirectories(dir.resolve("bin"));
        Files.copy(LAUNCHER, dir.resolve("bin/jetcdctl"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(LauncherRoute.CLIENT, share.resolve("jetcdctl-client"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(LauncherRoute.CLIENT.resolveSibling("jetcdctl.jar"), share.resolve("jetcdctl.jar"));
        Files.createSymbolicLink(share.resolve("lib"), LauncherRoute.CLIENT.resolveSibling("lib"));
        return dir.resolve("bin/jetcdctl");
    }

    /** Retargets the symlink {@code link} at once (a new link renamed over it, as {@code ln -sfn} would do). */
    private static void relink(Path link, Path target) throws IOException {
        Path next = link.resolveSibling(link.getFileName() + ".next");
        Files.createSymbolicLink(next, target);
        Files.move(next, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Once warm, the launcher reaches the daemon starting no process (it works with no PATH at all), and the
     * route it remembered is never taken once what it names has changed: the jar replaced by one with an older
     * time, the launcher's symlink pointed at another build: each command goes where the full route would.
     */
    @org.junit.jupiter.api.Test
    void aRememberedRouteFollowsTheJarAndTheLauncher(@TempDir Path dir) throws Exception {
        Jdk jdk = jdks().get(jdks().size() - 1);
        etcdctl(connectionFlags(), "put", "remembered", "route");
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, installCopy(dir.resolve("copy")));
        Map<String, String> env = Map.of("JETCDCTL_NO_CDS", "1"); // (no class archive to record for the copy)
        LauncherRoute.awaitDaemon(words -> run(link, env, jdk, words.toArray(String[]::new)));
        Path first = socketOf(link, env, jdk);
        assertTrue(servedBy(first, link, env, jdk, "warm"));
        Map<String, String> noPath = new HashMap<>(env);
        noPath.put("PATH", "/nonexistent");
        assertTrue(servedBy(first, link, noPath, jdk, "warm, no PATH: no readlink, no stat"));

        // the jar replaced (renamed over, as an install does) by one of the same size and an older time
        Path jar = dir.resolve("copy/share/jetcdctl/jetcdctl.jar");
        Path replacement = jar.resolveSibling("jetcdctl.jar.new");
        Files.copy(jar, replacement);
        Files.setLastModifiedTime(replacement, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
        Files.move(replacement, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertFalse(servedBy(first, link, env, jdk, "the jar replaced"));
        Path second = socketOf(link, env, jdk);
        assertNotEquals(first, second);
        LauncherRoute.awaitDaemon(words -> run(link, env, jdk, words.toArray(String[]::new)));
        get(link, env, jdk); // (remembers the new route)
        assertTrue(servedBy(second, link, noPath, jdk, "the new jar's daemon, no PATH"));

        // the launcher's symlink pointed at this build's launcher: its own daemon, never the copy's
        relink(link, LAUNCHER);
        Path ours = socketOf(LAUNCHER, env, jdk);
        assertNotEquals(second, ours);
        assertFalse(servedBy(second, link, env, jdk, "the launcher's symlink pointed at this build"));
        Files.delete(link); // (links out of a temporary directory: JUnit warns about each it removes)
        Files.delete(dir.resolve("copy/share/jetcdctl/lib"));
    }

    /**
     * After a warm run on the remembered route: other JETCDCTL_JAVA_OPTS (another daemon), JETCDCTL_DAEMON=off (a
     * JVM of its own), another mount namespace (declined by the daemon: the client adds its own namespaces to
     * the key) and JETCDCTL_JAVA's symlink pointed at another JDK (that JDK's daemon) each leave the warm daemon
     * alone.
     */
    @org.junit.jupiter.api.Test
    void aRememberedRouteFollowsTheOptionsTheSwitchTheNamespacesAndTheJdk(@TempDir Path dir) throws Exception {
        List<Jdk> jdks = jdks();
        Jdk jdk = jdks.get(jdks.size() - 1);
        etcdctl(connectionFlags(), "put", "remembered", "route");
        Path java = dir.resolve("java");
        Files.createSymbolicLink(java, jdk.java());
        Map<String, String> env = Map.of("JETCDCTL_JAVA", java.toString());
        awaitDaemon(jdk);
        Path warm = socketOf(LAUNCHER, env, jdk);
        get(LAUNCHER, env, jdk); // (remembers the route)
        assertTrue(servedBy(warm, LAUNCHER, env, jdk, "warm"));

        Map<String, String> options = new HashMap<>(env);
        options.put("JETCDCTL_JAVA_OPTS", "-Djetcdctl.test.remembered=1");
        assertNotEquals(warm, socketOf(LAUNCHER, options, jdk));
        assertFalse(servedBy(warm, LAUNCHER, options, jdk, "other JETCDCTL_JAVA_OPTS"));
        Map<String, String> off = new HashMap<>(env);
        off.put("JETCDCTL_DAEMON", "off");
        assertFalse(servedBy(warm, LAUNCHER, off, jdk, "JETCDCTL_DAEMON=off"));
        assertTrue(servedBy(warm, LAUNCHER, env, jdk, "warm again"));

        ProcessResult unshare = ProcessRunner.run(List.of("unshare", "--mount", "true"), null, Map.of(), Path.of("/"),
                Duration.ofSeconds(30), false);
        if (unshare.exitCode() == 0) { // (root, or user namespaces allowed)
            DaemonCounts before = countsOf(warm);
            List<String> command = new ArrayList<>(List.of("unshare", "--mount", "/bin/bash", LAUNCHER.toString()));
            command.addAll(connectionFlags());
            command.addAll(List.of("get", "remembered"));
            Map<String, String> all = new HashMap<>(launcherEnv(jdk));
            all.putAll(env);
            ProcessResult get = ProcessRunner.run(command, null, all, Path.of("/"), Duration.ofSeconds(60), false);
            assertEquals("remembered\nroute\n", get.stdoutText(), get.toString());
            assertEquals(new DaemonCounts(before.requests() + 2, before.handedBack() + 1), countsOf(warm),
                    "another mount namespace: reached, and handed back");
        }

        if (jdks.size() > 1) {
            Jdk other = jdks.get(0);
            awaitDaemon(other);
            get(LAUNCHER, Map.of(), other); // (its first connecting command records its class archive)
            Path others = socketOf(LAUNCHER, Map.of(), other);
            relink(java, other.java());
            assertEquals(others, socketOf(LAUNCHER, env, jdk));
            DaemonCounts warmBefore = countsOf(warm);
            assertTrue(servedBy(others, LAUNCHER, env, jdk, "JETCDCTL_JAVA's symlink to " + other));
            assertEquals(warmBefore.requests() + 1, countsOf(warm).requests(), "the first JDK's daemon was reached");
        }
        Files.delete(java);
    }
}
