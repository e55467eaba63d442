package io.github.jetcdctl.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real etcd members booted from data directories made by {@code snapshot restore}, for checking that a
 * restore gives a cluster that starts, with the expected members and data.
 */
public final class RestoredCluster implements AutoCloseable {
    /** One member's name and ports, chosen before the restore because peer URLs decide member IDs. */
    public record Seat(String name, int peerPort, int clientPort) {
        public String peerUrl() {
            return "http://127.0.0.1:" + peerPort;
        }

        public String clientEndpoint() {
            return "127.0.0.1:" + clientPort;
        }
    }

    private final EtcdBinaries binaries;
    private final List<Process> processes = new ArrayList<>();
    private final List<Seat> seats;

    private RestoredCluster(EtcdBinaries binaries, List<Seat> seats) {
        this.binaries = binaries;
        this.seats = seats;
    }

    public static List<Seat> seats(String... names) {
        List<Seat> seats = new ArrayList<>();
        for (String name : names) {
            seats.add(new Seat(name, Ports.freePort(), Ports.freePort()));
        }
        return seats;
    }

    /** {@code name=peerUrl,...}: the --initial-cluster for these seats. */
    public static String initialCluster(List<Seat> seats) {
        List<String> parts = new ArrayList<>();
        for (Seat s : seats) {
            parts.add(s.name() + "=" + s.peerUrl());
        }
        return String.join(",", parts);
    }

    /** Starts one etcd per seat on {@code dataDirs.get(i)} and waits until every member is healthy. */
    public static RestoredCluster boot(EtcdBinaries binaries, List<Seat> seats, List<Path> dataDirs, String token) {
        RestoredCluster cluster = new RestoredCluster(binaries, seats);
        try {
            for (int i = 0; i < seats.size(); i++) {
                cluster.start(seats.get(i), dataDirs.get(i), token);
            }
            cluster.awaitHealthy(Duration.ofSeconds(30));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void start(Seat seat, Path dataDir, String token) {
        File log = dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile();
        List<String> cmd = List.of(binaries.etcd().toString(), "--name=" + seat.name(), "--data-dir=" + dataDir,
                "--listen-client-urls=http://" + seat.clientEndpoint(),
                "--advertise-client-urls=http://" + seat.clientEndpoint(),
                "--listen-peer-urls=" + seat.peerUrl(), "--initial-advertise-peer-urls=" + seat.peerUrl(),
                "--initial-cluster=" + initialCluster(seats), "--initial-cluster-token=" + token,
                "--heartbeat-interval=50", "--election-timeout=500", "--logger=zap",
                binaries.isAtLeast35() ? "--log-level=error" : "--log-level=warn");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        ProcessRunner.cleanEnvironment(pb.environment(), Map.of());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            processes.add(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpointsFlag() {
        List<String> endpoints = new ArrayList<>();
        seats.forEach(s -> endpoints.add(s.clientEndpoint()));
        return String.join(",", endpoints);
    }

    public Etcdctl etcdctl() {
        return Etcdctl.of(binaries).withGlobalArgs("--endpoints=" + endpointsFlag());
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessResult last = null;
        while (System.nanoTime() < deadline) {
            last = etcdctl().run("endpoint", "health", "--command-timeout=1s");
            if (last.exitCode() == 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("restored cluster did not become healthy: " + last);
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
