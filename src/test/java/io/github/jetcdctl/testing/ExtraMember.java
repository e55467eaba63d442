package io.github.jetcdctl.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An etcd process that joins a running {@link EtcdCluster} the way an operator does after
 * {@code member add}: configured by the {@code ETCD_*} lines that command printed.
 *
 * <pre>{@code
 * try (ExtraMember extra = ExtraMember.reserve(cluster, "m3")) {
 *     ProcessResult added = cluster.etcdctl().run("member", "add", "m3", "--learner", "--peer-urls=" + extra.peerUrl());
 *     extra.start(added.stdoutText());
 * }
 * }</pre>
 *
 * Plaintext clusters only (a joining member of a mutual-TLS cluster would need a server certificate).
 */
public final class ExtraMember implements AutoCloseable {
    private final EtcdCluster cluster;
    private final String name;
    private final int clientPort;
    private final int peerPort;
    private int starts;
    private Process process;

    private ExtraMember(EtcdCluster cluster, String name, int clientPort, int peerPort) {
        this.cluster = cluster;
        this.name = name;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
    }

    /** Picks free ports for a member called {@code name}; nothing runs yet. */
    public static ExtraMember reserve(EtcdCluster cluster, String name) {
        if (cluster.isMutualTls()) {
            throw new IllegalArgumentException("extra members join plaintext clusters only");
        }
        return new ExtraMember(cluster, name, freePort(), freePort());
    }

    public String name() {
        return name;
    }

    public String peerUrl() {
        return "http://127.0.0.1:" + peerPort;
    }

    public String clientEndpoint() {
        return "127.0.0.1:" + clientPort;
    }

    /**
     * Starts etcd with the {@code ETCD_NAME=...} lines found in {@code memberAddOutput} as its environment,
     * on a fresh data directory, and waits until it answers {@code endpoint status} (a learner too).
     */
    public void start(String memberAddOutput) {
        Map<String, String> env = etcdEnvironment(memberAddOutput);
        if (!name.equals(env.get("ETCD_NAME"))) {
            throw new IllegalArgumentException("no ETCD_NAME=\"" + name + "\" in:\n" + memberAddOutput);
        }
        starts++;
        Path dataDir = cluster.baseDirectory().resolve(name + "-" + starts + ".data");
        File log = cluster.baseDirectory().resolve(name + "-" + starts + ".log").toFile();
        List<String> cmd = new ArrayList<>(List.of(
                cluster.binaries().etcd().toString(),
                "--data-dir=" + dataDir,
                "--listen-client-urls=http://" + clientEndpoint(),
                "--advertise-client-urls=http://" + clientEndpoint(),
                "--listen-peer-urls=" + peerUrl(),
                "--heartbeat-interval=50",
                "--election-timeout=500",
                "--unsafe-no-fsync",
                "--logger=zap",
                "--log-level=error"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cluster.baseDirectory().toFile());
        ProcessRunner.cleanEnvironment(pb.environment(), env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(0), e);
        }
        awaitAnswering(Duration.ofSeconds(30), log);
    }

    /** The {@code KEY="value"} lines of member add's simple output, unquoted. */
    public static Map<String, String> etcdEnvironment(String memberAddOutput) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : memberAddOutput.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("ETCD_") && eq > 0 && line.endsWith("\"") && line.charAt(eq + 1) == '"') {
                String quoted = line.substring(eq + 2, line.length() - 1);
                env.put(line.substring(0, eq), quoted.replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return env;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s); its data directory stays. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitAnswering(Duration timeout, File log) {
        Etcdctl status = Etcdctl.of(cluster.binaries()).withGlobalArgs("--endpoints=" + clientEndpoint(),
                "--dial-timeout=1s", "--command-timeout=1s");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited while starting:\n" + Files2.tail(log.toPath(), 8192));
            }
            if (status.run("endpoint", "status").succeeded()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(name + " did not answer within " + timeout + ":\n"
                + Files2.tail(log.toPath(), 8192));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
