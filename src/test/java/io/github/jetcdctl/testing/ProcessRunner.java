package io.github.jetcdctl.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command with a clean environment, capturing output through temp files. */
public final class ProcessRunner {

    private ProcessRunner() {
    }

    /**
     * Environment for etcd tools: the inherited environment without any {@code ETCD_*} or
     * {@code ETCDCTL_*} variable (both would silently act as flags), plus {@code extra}.
     */
    static void cleanEnvironment(Map<String, String> env, Map<String, String> extra) {
        env.keySet().removeIf(k -> k.startsWith("ETCD_") || k.startsWith("ETCDCTL_"));
        env.putAll(extra);
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @param stdin bytes for standard input, or {@code null} for an empty stdin
     * @param timeout how long to wait before the process is killed
     * @param killAtTimeoutIsResult if true, a process still running at {@code timeout} is stopped
     *     (SIGTERM, then SIGKILL) and what it printed so far is returned; if false, that is a failure
     */
    public static ProcessResult run(List<String> command, byte[] stdin, Map<String, String> env,
                             Path workingDirectory, Duration timeout, boolean killAtTimeoutIsResult) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("jetcdctl-proc-");
            Path out = tmp.resolve("stdout");
            Path err = tmp.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(DefaultSignals.restored(command)));
            cleanEnvironment(pb.environment(), env);
            if (workingDirectory != null) {
                pb.directory(workingDirectory.toFile());
            }
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                Path in = tmp.resolve("stdin");
                Files.write(in, stdin);
                pb.redirectInput(in.toFile());
            } else {
                pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    p.destroy();
                    if (!p.waitFor(5, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        p.waitFor(5, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command, e);
            }
            ProcessResult result = new ProcessResult(Files.readAllBytes(out), Files.readAllBytes(err),
                    p.isAlive() ? -1 : p.exitValue());
            if (!finished && !killAtTimeoutIsResult) {
                throw new IllegalStateException("timed out after " + timeout + " running " + command
                        + "\n" + result);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } finally {
            if (tmp != null) {
                Files2.deleteRecursively(tmp);
            }
        }
    }
}
