package io.github.jetcdctl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.github.jetcdctl.testing.Files2;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ProcessRunner;

/**
 * The route the black-box tier's launcher runs take: a JVM per command ({@code JETCDCTL_DAEMON=off}), or the
 * resident jetcdctl with {@code -Djetcdctl.it.daemon=on} (pom.xml's second failsafe run). Either way the
 * launcher sees a runtime directory of this test JVM's own, so no test ever reaches a user's daemon, and the
 * daemons tests start there are stopped once the last test class is done (registered on every class that runs
 * the launcher, closed with the engine's root context).
 */
final class LauncherRoute implements BeforeAllCallback {
    static final Path CLIENT = Path.of(System.getProperty("user.dir")).toAbsolutePath()
            .resolve("target/jetcdctl-client");
    private static Path runtimeDir;
    /** The daemons (named by their users) seen answering since the daemons were last stopped. */
    private static final Set<String> SEEN_UP = ConcurrentHashMap.newKeySet();

    /** Whether the black-box tier runs through the resident jetcdctl. */
    static boolean throughDaemon() {
        return "on".equals(System.getProperty("jetcdctl.it.daemon"));
    }

    /** The launcher's environment for the tier's route. */
    static Map<String, String> env() {
        return env(throughDaemon());
    }

    /** The launcher's environment with the daemon on or off, in this test JVM's private runtime directory. */
    static Map<String, String> env(boolean daemon) {
        // (an idle timeout as a backstop: a test JVM that dies leaves none of them for long)
        return Map.of("JETCDCTL_DAEMON", daemon ? "on" : "off", "XDG_RUNTIME_DIR", runtimeDir().toString(),
                "JETCDCTL_DAEMON_IDLE", "120");
    }

    /** A directory only this user may enter, as a user's runtime directory: the daemons' sockets go there. */
    static synchronized Path runtimeDir() {
        if (runtimeDir == null) {
            try {
                runtimeDir = Files.createTempDirectory("jetcdctl-it-run-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runtimeDir;
    }

    /**
     * Waits until the daemon {@code launcher} reaches answers (any command starts one in the background, when
     * none is up), so that the commands after it are the daemon's; returns its status. {@code launcher} runs the
     * launcher with the given words, on the route's environment.
     */
    static String awaitDaemon(Function<List<String>, ProcessResult> launcher) {
        if (System.getenv("CI") != null) { // (CI must never pass the daemon route by skipping it)
            assertTrue(Files.isExecutable(CLIENT), "no native client was built (no C compiler): " + CLIENT);
        }
        assumeTrue(Files.isExecutable(CLIENT), "no native client was built (no C compiler)");
        String status = launcher.apply(List.of("daemon", "status")).stdoutText();
        for (int i = 0; i < 600 && !status.startsWith("pid:"); i++) {
            if (i % 50 == 0) { // (again now and then: one started while another was ending finds it in the way)
                launcher.apply(List.of("version"));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            status = launcher.apply(List.of("daemon", "status")).stdoutText();
        }
        assertTrue(status.startsWith("pid:"), status);
        return status;
    }

    static boolean seenUp(String daemon) {
        return SEEN_UP.contains(daemon);
    }

    static void markUp(String daemon) {
        SEEN_UP.add(daemon);
    }

    static void forget(String daemon) {
        SEEN_UP.remove(daemon);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LauncherRoute.class, k -> new DaemonsStopper(), DaemonsStopper.class);
    }

    /** Ends every daemon the tests started, once all test classes are done. */
    static final class DaemonsStopper implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            Path dir;
            synchronized (LauncherRoute.class) {
                dir = runtimeDir;
                runtimeDir = null;
                SEEN_UP.clear(); // (a rerun of failed tests starts them again)
            }
            if (dir == null) {
                return;
            }
            stopAll(dir);
        }
    }

    /**
     * Asks each daemon under {@code dir} to stop, then ends any left: one a launcher was still starting in the
     * background (a second after its command) included, so the directory goes first, and its daemons are looked
     * for (by their socket's path in their command line) until none could still be on the way.
     */
    static void stopAll(Path dir) throws InterruptedException {
        Path sockets = dir.resolve("jetcdctl");
        if (Files.isExecutable(CLIENT) && Files.isDirectory(sockets)) {
            try (Stream<Path> files = Files.list(sockets)) {
                for (Path socket : files.filter(f -> f.toString().endsWith(".sock")).toList()) {
                    // (what each served, for the test log: the daemon route's commands are really the daemon's)
                    System.out.print(control(socket, "status").stdoutText());
                    control(socket, "stop");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Files2.deleteRecursively(dir);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(3)) {
            List<ProcessHandle> left = daemonsUnder(dir);
            for (ProcessHandle daemon : left) {
                daemon.destroy();
                if (daemon.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() == null) {
                    daemon.destroyForcibly();
                }
                quietSince = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private static ProcessResult control(Path socket, String word) {
        return ProcessRunner.run(List.of(CLIENT.toString(), "--control", socket.toString(), word), null, Map.of(),
                Path.of("/"), Duration.ofSeconds(30), false);
    }

    private static List<ProcessHandle> daemonsUnder(Path dir) {
        String prefix = dir + "/";
        return ProcessHandle.allProcesses().filter(p -> {
            Optional<String[]> args = p.info().arguments();
            return args.isPresent() && Stream.of(args.get()).anyMatch("io.github.jetcdctl.daemon.DaemonMain"::equals)
                    && Stream.of(args.get()).anyMatch(a -> a.startsWith(prefix));
        }).toList();
    }
}
